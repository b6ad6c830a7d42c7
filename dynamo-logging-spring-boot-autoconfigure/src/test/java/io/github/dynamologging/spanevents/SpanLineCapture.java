package io.github.dynamologging.spanevents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.schema.LogLineValidator;
import io.github.dynamologging.testing.JsonLines;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSONL lines a Logback logger writes through the real {@link DynamoJsonlEncoder}, each checked
 * against the project's schema when read back.
 */
final class SpanLineCapture implements AutoCloseable {


	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final Logger logger;

	private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

	private final Level previousLevel;

	private final boolean previousAdditive;

	private SpanLineCapture(Logger logger) {
		this.logger = logger;
		this.previousLevel = logger.getLevel();
		this.previousAdditive = logger.isAdditive();
		LoggerContext context = logger.getLoggerContext();
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setContext(context);
		encoder.start();
		this.appender.setContext(context);
		this.appender.setEncoder(encoder);
		this.appender.setOutputStream(this.output);
		this.appender.start();
		logger.addAppender(this.appender);
		logger.setAdditive(false);
		logger.setLevel(Level.INFO);
	}

	/** The {@code span_event} logger of a private Logback context that shares the MDC of {@link MDC}. */
	static SpanLineCapture privateContext() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(MDC.getMDCAdapter());
		return new SpanLineCapture(context.getLogger(SpanEventsProcessor.LOGGER_NAME));
	}

	/** The {@code span_event} logger of the Logback context SLF4J is bound to, as the auto-configuration uses. */
	static SpanLineCapture boundContext() {
		return new SpanLineCapture((Logger) LoggerFactory.getLogger(SpanEventsProcessor.LOGGER_NAME));
	}

	Logger logger() {
		return this.logger;
	}

	/** Every line so far, parsed, refusing duplicate keys; each must pass the strict schema validator. */
	List<JsonNode> lines() {
		String text = this.output.toString(StandardCharsets.UTF_8);
		if (text.isEmpty()) {
			return List.of();
		}
		assertThat(text).endsWith("\n");
		return text.lines().map((line) -> {
			assertThat(LogLineValidator.strict().validateLine(line)).as(line).isEmpty();
			return JsonLines.STRICT.readTree(line);
		}).toList();
	}

	/** The only line with {@code message} whose {@code span_id} is {@code spanId}. */
	JsonNode line(String message, String spanId) {
		List<JsonNode> matching = lines().stream()
			.filter((line) -> line.get("message").asString().equals(message)
					&& line.get("span_id").asString().equals(spanId))
			.toList();
		assertThat(matching).as("%s lines of span %s", message, spanId).hasSize(1);
		return matching.get(0);
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
		this.logger.setLevel(this.previousLevel);
		this.logger.setAdditive(this.previousAdditive);
	}

}
