package io.github.dynamologging.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.github.dynamologging.testing.JsonLines;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * A private Logback context whose root appender writes into memory through the encoder under test, so
 * tests log through the real Logback path (caller data included) and read back the bytes.
 */
public final class CapturingLogback {


	private final LoggerContext context = new LoggerContext();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	public CapturingLogback(Encoder<ILoggingEvent> encoder) {
		// Share the MDC the tests write through org.slf4j.MDC.
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		encoder.setContext(this.context);
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(this.context);
		appender.setEncoder(encoder);
		appender.setOutputStream(this.output);
		appender.start();
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.TRACE);
		root.addAppender(appender);
	}

	public Logger logger(String name) {
		return this.context.getLogger(name);
	}

	public String text() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	public byte[] bytes() {
		return this.output.toByteArray();
	}

	/** The captured output split at {@code \n}; the output must end with one. */
	public List<String> lines() {
		return JsonLines.split(text());
	}

	/** Each line parsed as JSON, refusing duplicate keys. */
	public List<JsonNode> jsonLines() {
		return JsonLines.parse(text());
	}

	JsonNode onlyJsonLine() {
		List<JsonNode> lines = jsonLines();
		if (lines.size() != 1) {
			throw new AssertionError("expected one line, got " + lines.size() + ": " + text());
		}
		return lines.get(0);
	}

	public void reset() {
		this.output.reset();
	}

	/** The line number of the caller's next line: where a test is about to log. */
	static int nextLine() {
		return StackWalker.getInstance().walk((frames) -> frames.skip(1).findFirst()).orElseThrow().getLineNumber()
				+ 1;
	}

}
