package io.github.dynamologging.format;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.dynamologging.format.internal.FieldNames;

/**
 * Writes each event as one readable line (docs/output.md), like Dynamo's non-JSON output:
 * {@code <time> <LEVEL> [<span_name>: ]<target>: <message>[ key=value ...]}, e.g.
 * {@code 2025-09-02T15:50:01.770028Z  INFO http-request: com.example.Api: hello x_request_id="abc"}.
 * The further lines of a multi-line message and an exception follow on lines of their own, each indented
 * by two spaces or more, so nothing an event holds can start a line that looks like another event's, or
 * a colour.
 * <p>
 * Key-values are the fields of the JSON line minus what the line already shows ({@code span_name} as the
 * prefix, the exception below) and what is noise for a person ({@code thread.name}, {@code span_id},
 * {@code parent_id}). Strings are quoted, numbers and booleans are not.
 */
public class DynamoReadableEncoder extends LineEncoder {

	private static final Set<String> NOT_SHOWN = Set.of(FieldNames.SPAN_NAME, FieldNames.THREAD_NAME,
			FieldNames.SPAN_ID, FieldNames.PARENT_ID);

	private boolean colour;

	private final ReusableWriters<LineWriter> writers = new ReusableWriters<>(LineWriter::new);

	/** ANSI colours: time and target dim, the level in its colour. */
	public void setColour(boolean colour) {
		this.colour = colour;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		LineWriter writer = this.writers.acquire();
		byte[] line = writer.write(event);
		this.writers.release(writer);
		return line;
	}

	private final class LineWriter {

		private final StringBuilder line = new StringBuilder(256);

		private final EventFields fields = new EventFields();

		private final ReadableStackTrace stackTrace = new ReadableStackTrace();

		private final char[] timeText = new char[LogLineTime.MAX_LENGTH];

		byte[] write(ILoggingEvent event) {
			boolean colour = DynamoReadableEncoder.this.colour;
			StringBuilder out = this.line;
			out.setLength(0);
			AnsiStyle.DIM.open(out, colour);
			out.append(this.timeText, 0, time().write(event.getInstant(), this.timeText));
			AnsiStyle.close(out, colour);
			out.append(' ');
			AnsiStyle.forLevel(event.getLevel()).open(out, colour);
			String level = event.getLevel().levelStr;
			for (int pad = level.length(); pad < 5; pad++) {
				out.append(' ');
			}
			out.append(level);
			AnsiStyle.close(out, colour);
			out.append(' ');
			EventFields fields = this.fields;
			fields.collect(event, false, getExtraFields());
			Object spanName = fields.get(FieldNames.SPAN_NAME);
			if (spanName != null) {
				ReadableText.appendEscaped(out, ValueText.of(spanName));
				out.append(": ");
			}
			AnsiStyle.DIM.open(out, colour);
			ReadableText.appendEscaped(out, String.valueOf(event.getLoggerName()));
			AnsiStyle.close(out, colour);
			out.append(": ");
			ReadableText.appendLines(out, String.valueOf(event.getFormattedMessage()), ReadableText.CONTINUATION);
			for (int i = 0; i < fields.size(); i++) {
				String key = fields.key(i);
				if (!NOT_SHOWN.contains(key)) {
					out.append(' ');
					ReadableText.appendEscaped(out, key);
					out.append('=');
					appendValue(out, fields.value(i));
				}
			}
			out.append('\n');
			IThrowableProxy throwable = event.getThrowableProxy();
			if (throwable != null) {
				this.stackTrace.append(out, throwable);
			}
			return out.toString().getBytes(StandardCharsets.UTF_8);
		}

		private void appendValue(StringBuilder out, Object value) {
			if (value == null || value instanceof Number || value instanceof Boolean) {
				ReadableText.appendEscaped(out, ValueText.of(value));
			}
			else {
				ReadableText.appendQuoted(out, ValueText.of(value));
			}
		}

	}

}
