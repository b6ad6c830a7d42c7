package io.github.dynamologging.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import net.logstash.logback.encoder.LogstashEncoder;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * One event to one JSON line: our {@link DynamoJsonlEncoder} against LogstashEncoder (default settings) and
 * Spring Boot's built-in structured formats, all fed the same pre-built event, caller data off for all; and
 * Log4j2's JSON Template Layout (default template) fed a Log4j event built from that same event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class EncoderBenchmark {

	@Param({ "dynamo", "logstash", "boot-logstash", "boot-ecs", "log4j-template" })
	public String encoder;

	@Param({ "plain", "mdc", "exception" })
	public String shape;

	private LoggerContext context;

	private Encoder<ILoggingEvent> target;

	private LoggingEvent event;

	/** {@code log4j-template} only: Log4j2's layout and the same event as a Log4j event. */
	private JsonTemplateLayout log4jLayout;

	private LogEvent log4jEvent;

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.setName("default");
		// What Boot's LoggingSystem puts there; StructuredLogEncoder reads it in start().
		this.context.putObject(Environment.class.getName(), new StandardEnvironment());
		this.context.start();
		this.event = Events.of(this.shape, this.context);
		if ("log4j-template".equals(this.encoder)) {
			this.log4jLayout = Log4jEvents.layout();
			this.log4jEvent = Log4jEvents.of(this.event);
		}
		else {
			this.target = encoder(this.encoder, this.context);
		}
		byte[] line = encode();
		check(this.encoder, this.shape, line);
		String text = new String(line, StandardCharsets.UTF_8);
		System.out.printf("%n# line length %s/%s: %d bytes: %s...%n", this.encoder, this.shape, line.length,
				text.substring(0, Math.min(text.length(), 160)));
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.target != null) {
			this.target.stop();
		}
		this.context.stop();
	}

	@Benchmark
	public byte[] encode() {
		// Each parameter combination runs in a JVM of its own, so this branch is always taken the same way.
		return (this.log4jLayout != null) ? this.log4jLayout.toByteArray(this.log4jEvent) : this.target.encode(this.event);
	}

	static Encoder<ILoggingEvent> encoder(String name, LoggerContext context) {
		Encoder<ILoggingEvent> encoder = switch (name) {
			case "dynamo" -> {
				DynamoJsonlEncoder dynamo = new DynamoJsonlEncoder();
				dynamo.setCallerData(false);
				yield dynamo;
			}
			case "logstash" -> new LogstashEncoder();
			case "boot-logstash" -> structured("logstash");
			case "boot-ecs" -> structured("ecs");
			default -> throw new IllegalArgumentException("Unknown encoder " + name);
		};
		encoder.setContext(context);
		encoder.start();
		if (!encoder.isStarted()) {
			throw new IllegalStateException(name + " did not start: " + context.getStatusManager().getCopyOfStatusList());
		}
		return encoder;
	}

	private static StructuredLogEncoder structured(String format) {
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setFormat(format);
		return encoder;
	}

	/** A misconfigured encoder must not produce a fake fast figure: the line must be the whole event. */
	static void check(String encoder, String shape, byte[] line) {
		String text = new String(line, StandardCharsets.UTF_8);
		String where = encoder + "/" + shape + ": ";
		if (line.length < 40 || !text.startsWith("{") || !text.endsWith("}\n")) {
			throw new IllegalStateException(where + "not one JSON line: " + text);
		}
		JsonNode json = JsonMapper.shared().readTree(text);
		if (!json.isObject()) {
			throw new IllegalStateException(where + "not a JSON object: " + text);
		}
		require(where, text, Events.MESSAGE, Events.LOGGER_NAME, Events.THREAD_NAME);
		if ("mdc".equals(shape)) {
			require(where, text, Events.REQUEST_ID, "u-52731", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
		}
		if ("exception".equals(shape)) {
			require(where, text, Events.EXCEPTION_MESSAGE, Events.CAUSE_MESSAGE, "Layer29Handler",
					"ProxyConnection0");
		}
	}

	private static void require(String where, String text, String... parts) {
		for (String part : parts) {
			if (!text.contains(part)) {
				throw new IllegalStateException(where + "no '" + part + "' in " + text);
			}
		}
	}

}
