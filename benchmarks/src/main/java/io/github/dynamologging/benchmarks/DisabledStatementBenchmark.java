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

	/** SPEC 3.3: the noisy libraries start at ERROR. */
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
		this.context = new LoggerContext();
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.start();
		this.out = new CountingNullStream();
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		switch (this.setup) {
			case "starter" -> starter(root);
			case "starter-rule" -> {
				starter(root);
				this.rules = RequestRules.local(this.context, 10, this.context.getLogger("dynamo.logging.audit"));
				this.rules.add("{\"header\": \"X-Request-Id\", \"equals\": \"another request\"}",
						LogFilter.parseStrict("debug"), Duration.ofHours(1), null, null);
			}
			case "logback" -> logback(root);
			default -> throw new IllegalArgumentException("Unknown setup " + this.setup);
		}
		this.log = this.context.getLogger(Events.LOGGER_NAME);
		this.arg = "order-" + System.nanoTime();
		// Sanity: INFO reaches the null stream, DEBUG is off, nothing else decides (but the rules' filter).
		int turboFilters = (this.rules != null) ? 1 : 0;
		if (this.context.getTurboFilterList().size() != turboFilters || this.log.isDebugEnabled()
				|| !this.log.isInfoEnabled()) {
			throw new IllegalStateException(this.setup + ": unexpected levels or TurboFilters");
		}
		this.log.info("sanity {}", this.arg);
		if (this.out.count == 0 || ("starter".equals(this.setup) && this.out.first != '{')) {
			throw new IllegalStateException(this.setup + ": the INFO line did not reach the appender: "
					+ this.context.getStatusManager().getCopyOfStatusList());
		}
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
	private void starter(Logger root) {
		root.setLevel(Level.INFO);
		for (String library : QUIET_LIBRARIES) {
			this.context.getLogger(library).setLevel(Level.ERROR);
		}
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setContext(this.context);
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(this.context);
		console.setName("CONSOLE");
		console.setTarget("System.err");
		console.setEncoder(encoder);
		console.start();
		console.setOutputStream(this.out);
		root.addAppender(console);
	}

	/** Logback's own default configuration, with the root at INFO so that DEBUG is off. */
	private void logback(Logger root) {
		BasicConfigurator defaults = new BasicConfigurator();
		defaults.setContext(this.context);
		defaults.configure(this.context);
		root.setLevel(Level.INFO);
		root.iteratorForAppenders().forEachRemaining((Appender<ILoggingEvent> appender) -> {
			if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
				stream.setOutputStream(this.out);
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
