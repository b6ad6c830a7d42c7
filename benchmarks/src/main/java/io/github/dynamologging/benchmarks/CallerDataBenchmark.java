package io.github.dynamologging.benchmarks;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.dynamologging.format.internal.CallerLocator.CallerLocation;
import io.github.dynamologging.format.internal.CallerLocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The caller's file and line, our way ({@link CallerLocator}, a {@link StackWalker} that stops at the caller)
 * against Logback's ({@code LoggingEvent.getCallerData()}, a {@code Throwable}'s whole stack), each looked up
 * inside an appender of a real Logback logger, so both see exactly the same stack: the benchmark's own frames,
 * {@code depth} extra application frames, Logback's logging frames and the appender.
 * <p>
 * {@code none} logs the same way and looks nothing up: subtract it to get the lookup alone. Every op logs a
 * fresh event, so Logback computes its caller data afresh each time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CallerDataBenchmark {

	@Param({ "none", "dynamo", "logback" })
	public String caller;

	/** Extra application frames between the benchmark method and the logging call. */
	@Param({ "0", "100" })
	public int depth;

	private LoggerContext context;

	private org.slf4j.Logger log;

	private LookupAppender appender;

	@Setup
	public void setUp() {
		this.appender = new LookupAppender(this.caller);
		this.context = contextWith(this.appender);
		this.log = this.context.getLogger(Events.LOGGER_NAME);
		// Sanity: each way must find this class as the caller.
		Object found = logAt(this.depth);
		String expectedFile = "io/github/dynamologging/benchmarks/CallerDataBenchmark.java";
		boolean ok = switch (this.caller) {
			case "none" -> found instanceof ILoggingEvent;
			case "dynamo" -> found instanceof CallerLocation location && location.file().equals(expectedFile)
					&& location.line() > 0;
			case "logback" -> found instanceof StackTraceElement element
					&& element.getClassName().equals(CallerDataBenchmark.class.getName()) && element.getLineNumber() > 0;
			default -> false;
		};
		if (!ok) {
			throw new IllegalStateException(this.caller + " found the wrong caller: " + found);
		}
		System.out.printf("%n# %s, depth %d: %d frames on the stack at the lookup; found %s%n", this.caller,
				this.depth, this.appender.stackDepth, found);
	}

	/** A Logback context whose root, at INFO, has {@code appender} alone, started. */
	static LoggerContext contextWith(UnsynchronizedAppenderBase<ILoggingEvent> appender) {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.start();
		appender.setContext(context);
		appender.start();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		root.addAppender(appender);
		return context;
	}

	@TearDown
	public void tearDown() {
		this.context.stop();
	}

	@Benchmark
	public Object lookup() {
		return logAt(this.depth);
	}

	private Object logAt(int remaining) {
		if (remaining > 0) {
			return logAt(remaining - 1);
		}
		this.log.info("Order {} accepted", 42);
		return this.appender.found;
	}

	/** Looks the caller up while the logging call is on the stack, as a synchronous appender does. */
	static final class LookupAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final String caller;

		private final CallerLocator locator = new CallerLocator();

		Object found;

		int stackDepth;

		LookupAppender(String caller) {
			this.caller = caller;
		}

		@Override
		protected void append(ILoggingEvent event) {
			if (this.stackDepth == 0) {
				this.stackDepth = StackWalker.getInstance().walk((frames) -> (int) frames.count());
			}
			this.found = switch (this.caller) {
				case "dynamo" -> this.locator.locate(event);
				case "logback" -> event.getCallerData()[0];
				default -> event;
			};
		}

	}

}
