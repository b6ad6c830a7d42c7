package io.github.dynamologging.maven.corpus;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** The classic API in the places a call can be: every overload shape, nested types, lambdas, initialisers. */
public class ClassicCalls implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(ClassicCalls.class);

	private static final Marker MARKER = MarkerFactory.getMarker("corpus");

	private final String name;

	public ClassicCalls() {
		log.info("in a constructor");
		this.name = "corpus";
	}

	@Override
	public void run() {
		log.info("no argument");
		log.info("one argument {}", 1);
		log.info("two arguments {} {}", 1, 2);
		log.info("varargs {} {} {}", 1, 2, 3);
		log.warn("with a throwable", new IllegalStateException("boom"));
		log.error("a marker {}", MARKER, 1);
		log.error(MARKER, "with a marker {}", 2);
		log.trace("trace is off");
		log.debug("debug is off {}", 1);
		log.info("two on a line, first"); log.info("two on a line, second");
		log.info(
				"spanning {} and {}",
				this.name,
				compute());
		log
			.info("receiver on the line before");
		String message = (this.name.isEmpty()) ? "never" : "a ternary message";
		log.info(message);
		try {
			log.info("in a try");
		}
		finally {
			log.info("in a finally");
		}
		for (int i = 0; i < 2; i++) {
			switch (i) {
				case 0 -> log.info("switch arm {}", i);
				default -> log.info("switch default {}", i);
			}
		}
		Runnable lambda = () -> log.info("in a lambda");
		lambda.run();
		Supplier<Runnable> nested = () -> () -> log.info("in a nested lambda");
		nested.get().run();
		new Inner().run();
		new StaticNested().run();
		new Runnable() {
			@Override
			public void run() {
				log.info("in an anonymous class");
			}
		}.run();
		class Local implements Runnable {
			@Override
			public void run() {
				log.info("in a local class");
			}
		}
		new Local().run();
		StaticInitialiser.touch();
		Greeter greeter = new Greeter() {
		};
		greeter.greet();
		Greeter.staticGreet();
		new Point(1, 2).log();
		Colour.RED.log();
		synchronizedCall();
	}

	private synchronized void synchronizedCall() {
		log.info("in a synchronized method");
	}

	private static int compute() {
		return 42;
	}

	class Inner implements Runnable {

		@Override
		public void run() {
			log.info("in an inner class of {}", ClassicCalls.this.name);
		}

	}

	static class StaticNested implements Runnable {

		@Override
		public void run() {
			log.info("in a static nested class");
		}

	}

	static class StaticInitialiser {

		static {
			log.info("in a static initialiser");
		}

		static void touch() {
		}

	}

	interface Greeter {

		default void greet() {
			log.info("in a default method");
		}

		static void staticGreet() {
			log.info("in an interface's static method");
		}

	}

	record Point(int x, int y) {

		Point {
			log.info("in a compact constructor {} {}", x, y);
		}

		void log() {
			log.info("in a record method");
		}

	}

	enum Colour {

		RED {
			@Override
			void log() {
				log.info("in an enum constant's body");
			}
		};

		abstract void log();

	}

}
