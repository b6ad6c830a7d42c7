package io.github.dynamologging.maven;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.LoggerFactory;

/** The corpus of call shapes (package {@code corpus}), how the tests run it, and the Logback context it logs to. */
final class Corpus {

	static final String PACKAGE = "io.github.dynamologging.maven.corpus.";

	/** Library code in the corpus: never rewritten. */
	static final String UNPROCESSED = PACKAGE + "unprocessed.";

	/** SLF4J's own Logback context, which the corpus's {@code LoggerFactory.getLogger} loggers belong to. */
	static final LoggerContext LOGGING = (LoggerContext) LoggerFactory.getILoggerFactory();

	private Corpus() {
	}

	/** Starts from a reset context: the root at INFO with {@code appenders}, in this order, started. */
	@SafeVarargs
	static void logTo(Appender<ILoggingEvent>... appenders) {
		LOGGING.reset();
		Logger root = LOGGING.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		for (Appender<ILoggingEvent> appender : appenders) {
			appender.setContext(LOGGING);
			appender.start();
			root.addAppender(appender);
		}
	}

	/** A loader for the corpus as the plugin rewrites it, its library code aside. */
	static RewritingClassLoader rewritten() {
		return new RewritingClassLoader(Corpus.class.getClassLoader(),
				(name) -> name.startsWith(PACKAGE) && !name.startsWith(UNPROCESSED));
	}

	/** Runs the corpus class {@code name} (a {@link Runnable}) as {@code loader} loads it. */
	static void run(String name, ClassLoader loader) throws ReflectiveOperationException {
		Class<?> type = Class.forName(name, true, loader);
		((Runnable) type.getDeclaredConstructor().newInstance()).run();
	}

}
