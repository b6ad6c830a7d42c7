package io.github.dynamologging.benchmarks;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.BasicConfigurator;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.dynamologging.filter.LogFilter;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.rules.RequestRules;
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
 * {@code log.debug("x {}", arg)} on a logger whose level is INFO: with the Logback context as the starter leaves
 * it (a {@code CONSOLE} {@link ConsoleAppender} with {@link DynamoJsonlEncoder}, levels as logger levels, the
 * quiet-library levels, no TurboFilters) against plain Logback defaults ({@link BasicConfigurator}, root INFO).
 * Both appenders write to a counting null stream. {@code starter-rule} is {@code starter} with one per-request
 * rule in force that the benchmark thread's work does not match: the rules' turbo filter is installed and
 * asked on every call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DisabledStatementBenchmark {

	/** docs/configuration.md: the noisy libraries start at ERROR. */
	private static final List<String> QUIET_LIBRARIES = List.of("io.netty", "io.grpc", "io.opentelemetry",
			"reactor.netty", "org.apache.hc");

	@Param({ "starter", "starter-rule", "logback" })
	public String setup;

	private LoggerContext context;

	private org.slf4j.Logger log;

	private Object arg;

	private CountingNullStream out;

	private RequestRules rules;

	@Setup
	public void setUp() {
		this.out = new CountingNullStream();
		boolean withRule = "starter-rule".equals(this.setup);
		this.context = context(withRule ? "starter" : this.setup, this.out);
		this.log = this.context.getLogger(Events.LOGGER_NAME);
		this.arg = "order-" + System.nanoTime();
		if (withRule) {
			this.rules = RequestRules.local(this.context, 10, this.context.getLogger("dynamo.logging.audit"));
			this.rules.add("{\"header\": \"X-Request-Id\", \"equals\": \"another request\"}",
					LogFilter.parseStrict("debug"), Duration.ofHours(1), null, null);
			// Sanity: the rules' turbo filter is installed and this thread's work matches no rule.
			if (this.context.getTurboFilterList().size() != 1 || this.log.isDebugEnabled()) {
				throw new IllegalStateException(this.setup + ": the rule's TurboFilter is missing or matches");
			}
		}
	}

	/**
	 * A Logback context as {@code setup} says ({@code starter} or {@code logback}) writing to {@code out}, checked:
	 * INFO reaches the stream, DEBUG is off, nothing else decides.
	 */
	static LoggerContext context(String setup, CountingNullStream out) {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.start();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		switch (setup) {
			case "starter" -> starter(context, root, out);
			case "logback" -> logback(context, root, out);
			default -> throw new IllegalArgumentException("Unknown setup " + setup);
		}
		Logger log = context.getLogger(Events.LOGGER_NAME);
		if (!context.getTurboFilterList().isEmpty() || log.isDebugEnabled() || !log.isInfoEnabled()) {
			throw new IllegalStateException(setup + ": unexpected levels or TurboFilters");
		}
		log.info("sanity {}", setup);
		if (out.count == 0 || ("starter".equals(setup) && out.first != '{')) {
			throw new IllegalStateException(setup + ": the INFO line did not reach the appender: "
					+ context.getStatusManager().getCopyOfStatusList());
		}
		return context;
	}

	@TearDown
	public void tearDown() {
		if (this.rules != null) {
			this.rules.close();
		}
		this.context.stop();
	}

	@Benchmark
	public void debugDisabled() {
		this.log.debug("x {}", this.arg);
	}

	/** What {@code ConsoleOutputInstaller} leaves after Boot's initialisation, with DYN_LOG=info. */
	private static void starter(LoggerContext context, Logger root, CountingNullStream out) {
		root.setLevel(Level.INFO);
		for (String library : QUIET_LIBRARIES) {
			context.getLogger(library).setLevel(Level.ERROR);
		}
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setContext(context);
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setName("CONSOLE");
		console.setTarget("System.err");
		console.setEncoder(encoder);
		console.start();
		console.setOutputStream(out);
		root.addAppender(console);
	}

	/** Logback's own default configuration, with the root at INFO so that DEBUG is off. */
	private static void logback(LoggerContext context, Logger root, CountingNullStream out) {
		BasicConfigurator defaults = new BasicConfigurator();
		defaults.setContext(context);
		defaults.configure(context);
		root.setLevel(Level.INFO);
		root.iteratorForAppenders().forEachRemaining((Appender<ILoggingEvent> appender) -> {
			if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
				stream.setOutputStream(out);
			}
		});
	}

	/** Discards the bytes, counts them and keeps the first. */
	static final class CountingNullStream extends OutputStream {

		long count;

		int first = -1;

		@Override
		public void write(int b) {
			if (this.first < 0) {
				this.first = b & 0xFF;
			}
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			if (len > 0 && this.first < 0) {
				this.first = b[off] & 0xFF;
			}
			this.count += len;
		}

	}

}
