package io.github.dynamologging.benchmarks;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.dynamologging.callsite.internal.ActiveCallSites;
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
 * The caller's file and line as the starter's console stores it ({@link CallerLocator#storeCallerData}), for a
 * line logged from a class as compiled ({@code walk}: a stack walk) and from the same class rewritten by
 * {@code dynamo-logging-maven-plugin} ({@code recorded}: the call site's own record), inside an appender of a
 * real Logback logger, {@code depth} application frames below the benchmark.
 * <p>
 * {@code none} logs from the compiled class and looks nothing up: {@code recorded} minus {@code none} is all a
 * line pays for its caller in a processed class, the call site's bookkeeping included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RecordedCallerBenchmark {

	@Param({ "none", "walk", "recorded" })
	public String caller;

	/** Extra application frames between the benchmark method and the logging call. */
	@Param({ "0", "100" })
	public int depth;

	private LoggerContext context;

	private org.slf4j.Logger log;

	private LoggingStatements statements;

	private ConsoleLookup appender;

	@Setup
	public void setUp() {
		this.appender = new ConsoleLookup(!"none".equals(this.caller));
		this.context = CallerDataBenchmark.contextWith(this.appender);
		this.log = this.context.getLogger(Events.LOGGER_NAME);
		this.statements = LoggingStatements.load("recorded".equals(this.caller));
		// Sanity: the caller is the statements' class, found the intended way.
		this.appender.checkSource = true;
		Object found = lookup();
		this.appender.checkSource = false;
		boolean ok = switch (this.caller) {
			case "none" -> found instanceof ILoggingEvent;
			case "walk", "recorded" -> found instanceof StackTraceElement element
					&& element.getClassName().equals(ApplicationStatements.class.getName())
					&& element.getLineNumber() > 0 && this.appender.fromCallSite == "recorded".equals(this.caller);
			default -> false;
		};
		if (!ok) {
			throw new IllegalStateException(this.caller + " found the wrong caller: " + found + ", from the call site: "
					+ this.appender.fromCallSite);
		}
	}

	@TearDown
	public void tearDown() {
		this.context.stop();
	}

	@Benchmark
	public Object lookup() {
		this.statements.infoAt(this.log, this.depth);
		return this.appender.found;
	}

	/** Stores the caller as the starter's console appender does, before it would encode the line. */
	static final class ConsoleLookup extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final boolean lookUp;

		Object found;

		boolean checkSource;

		boolean fromCallSite;

		ConsoleLookup(boolean lookUp) {
			this.lookUp = lookUp;
		}

		@Override
		protected void append(ILoggingEvent event) {
			if (!this.lookUp) {
				this.found = event;
				return;
			}
			CallerLocator.storeCallerData(event);
			this.found = event.getCallerData()[0];
			if (this.checkSource) {
				this.fromCallSite = ActiveCallSites.callerDataFor(event) != null;
			}
		}

	}

}
