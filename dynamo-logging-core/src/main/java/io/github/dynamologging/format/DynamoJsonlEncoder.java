package io.github.dynamologging.format;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.dynamologging.format.internal.CallerLocator;
import io.github.dynamologging.format.internal.FieldNames;
import io.github.dynamologging.format.internal.LoneSurrogates;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes each event as one Dynamo-compatible JSON line (docs/output.md): {@code time, level, file, line,
 * target, message}, then every other key in UTF-8 byte order, {@code \n}-terminated.
 * <p>
 * Jackson writes the JSON and does the escaping; this class decides what goes in the line. Each platform thread
 * keeps one generator bound to a reusable buffer, so an event costs the output bytes and little else; virtual
 * threads share a few ({@link ReusableWriters}).
 * Usable from a {@code logback-spring.xml} as {@code <encoder class="...DynamoJsonlEncoder"/>}.
 */
public class DynamoJsonlEncoder extends LineEncoder {

	/** Package-private for tests that compare the fast paths with what this factory writes. */
	static final JsonFactory JSON = JsonFactory.builder()
		.disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
		.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
		.disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
		.characterEscapes(new JsonlCharacterEscapes())
		.rootValueSeparator((String) null)
		.build();

	private static final SerializedString TIME = new SerializedString(FieldNames.TIME);

	private static final SerializedString LEVEL = new SerializedString(FieldNames.LEVEL);

	private static final SerializedString FILE = new SerializedString(FieldNames.FILE);

	private static final SerializedString LINE = new SerializedString(FieldNames.LINE);

	private static final SerializedString TARGET = new SerializedString(FieldNames.TARGET);

	private static final SerializedString MESSAGE = new SerializedString(FieldNames.MESSAGE);

	private boolean callerData = true;

	private final CallerLocator callers = new CallerLocator();

	private final EscapedFrames frames = new EscapedFrames();

	private final ReusableWriters<LineWriter> writers = new ReusableWriters<>(LineWriter::new);

	/** Whether to write the caller's {@code file} and {@code line} (on by default). */
	public void setCallerData(boolean callerData) {
		this.callerData = callerData;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		LineWriter writer = this.writers.acquire();
		byte[] line;
		try {
			line = writer.write(event);
		}
		catch (JacksonException ex) {
			// The generator is mid-object and unusable; the next event gets a fresh one.
			this.writers.discard(writer);
			throw ex;
		}
		this.writers.release(writer);
		return line;
	}

	/** A generator, buffer and scratch space, used by one thread at a time. */
	private final class LineWriter {

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

		private final JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), this.buffer);

		private final EventFields fields = new EventFields();

		/**
		 * Made at the thread's first exception: most threads never log one, and making it runs ~130 strings
		 * through a generator to learn Jackson's escapes, which, done on every thread's first line, slowed the
		 * JIT-compiled plain line by 70% (JMH plain shape, 253 vs 435 ns).
		 */
		private StackTraceValue stackTrace;

		private final char[] timeText = new char[LogLineTime.MAX_LENGTH];

		byte[] write(ILoggingEvent event) {
			JsonGenerator json = this.json;
			json.writeStartObject();
			json.writeName(TIME);
			json.writeString(this.timeText, 0, time().write(event.getInstant(), this.timeText));
			json.writeName(LEVEL);
			json.writeString(event.getLevel().levelStr);
			if (DynamoJsonlEncoder.this.callerData) {
				CallerLocator.CallerLocation caller = DynamoJsonlEncoder.this.callers.locate(event);
				json.writeName(FILE);
				json.writeString(LoneSurrogates.replace(caller.file()));
				json.writeName(LINE);
				json.writeNumber(caller.line());
			}
			json.writeName(TARGET);
			json.writeString(LoneSurrogates.replace(String.valueOf(event.getLoggerName())));
			json.writeName(MESSAGE);
			json.writeString(LoneSurrogates.replace(String.valueOf(event.getFormattedMessage())));
			EventFields fields = this.fields;
			fields.collect(event, true, getExtraFields());
			for (int i = 0; i < fields.size(); i++) {
				FieldKey key = fields.fieldKey(i);
				if (key.name() != null) {
					json.writeName(key.name());
				}
				else {
					json.writeName(key.text());
				}
				writeValue(json, fields.value(i));
			}
			json.writeEndObject();
			json.flush();
			this.buffer.write('\n');
			byte[] line = this.buffer.toByteArray();
			this.buffer.reset();
			return line;
		}

		/** Key-value pairs keep their JSON type; everything else is written as its string form. */
		private void writeValue(JsonGenerator json, Object value) {
			if (value == null) {
				json.writeNull();
			}
			else if (value instanceof String text) {
				json.writeString(LoneSurrogates.replace(text));
			}
			else if (value instanceof EventFields.StackTrace trace) {
				if (this.stackTrace == null) {
					this.stackTrace = new StackTraceValue(JSON, DynamoJsonlEncoder.this.frames);
				}
				this.stackTrace.write(json, trace.throwable());
			}
			else if (value instanceof Boolean bool) {
				json.writeBoolean(bool);
			}
			else if (value instanceof Integer || value instanceof Long || value instanceof Short
					|| value instanceof Byte) {
				json.writeNumber(((Number) value).longValue());
			}
			else if (value instanceof BigInteger number) {
				json.writeNumber(number);
			}
			else if (value instanceof BigDecimal number) {
				json.writeNumber(number);
			}
			else if (value instanceof Double number && Double.isFinite(number)) {
				json.writeNumber(number.doubleValue());
			}
			else if (value instanceof Float number && Float.isFinite(number)) {
				json.writeNumber(number.floatValue());
			}
			else {
				json.writeString(LoneSurrogates.replace(ValueText.of(value)));
			}
		}

	}

}
