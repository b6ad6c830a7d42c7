package io.github.dynamologging.request;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.dynamologging.capture.CapturedLogLines;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every line the JVM's root logger writes while a test runs, encoded as JSONL by the real encoder and
 * parsed back; each line is checked against the shipped schema. A JUnit extension: register it on an
 * instance field with {@code @RegisterExtension}; it captures from just before each test (after a Spring
 * test context has started: Boot's logging initialisation resets Logback's appenders) until after it.
 */
public final class CapturedLines implements BeforeEachCallback, AfterEachCallback {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

	private Logger root;

	@Override
	public void beforeEach(ExtensionContext extension) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setContext(context);
		encoder.start();
		this.appender.setContext(context);
		this.appender.setName("captured-lines");
		this.appender.setEncoder(encoder);
		this.appender.setOutputStream(this.bytes);
		this.appender.start();
		this.root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		this.root.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		this.root.detachAppender(this.appender);
		this.appender.stop();
	}

	/** The complete lines so far (a line another thread is writing right now is left out), each valid. */
	public List<JsonNode> lines() {
		byte[] bytes;
		synchronized (this.bytes) {
			bytes = this.bytes.toByteArray();
		}
		int end = bytes.length;
		while (end > 0 && bytes[end - 1] != '\n') {
			end--;
		}
		return CapturedLogLines.parse(Arrays.copyOf(bytes, end)).assertAllValid().asList();
	}

	public List<JsonNode> withMessage(String message) {
		return lines().stream().filter((line) -> line.get("message").asString().equals(message)).toList();
	}

	/** Waits briefly for a line (server threads log after the response may have been read). */
	public JsonNode await(Predicate<JsonNode> condition) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			for (JsonNode line : lines()) {
				if (condition.test(line)) {
					return line;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no such line among " + lines());
	}

	public static String text(JsonNode line, String key) {
		JsonNode value = line.get(key);
		return (value != null) ? value.asString() : null;
	}

}
