package io.github.dynamologging.format;

import java.util.Locale;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Dynamo's JSONL or readable lines, chosen by a setting, for a Logback configuration of the application's
 * own: {@code <format>${DYN_FORMAT}</format>} with {@code DYN_FORMAT} a {@code <springProperty>} of
 * {@code dynamo.logging.format}, so {@code DYN_LOGGING_JSONL} and the other {@code DYN_*} variables still
 * decide (docs/output.md, "Your own Logback configuration").
 */
public class DynamoEncoder extends LineEncoder {

	private String format = "readable";

	private boolean callerData = true;

	private boolean colour;

	private LineEncoder lines;

	/** {@code jsonl} or {@code readable} (any case, trimmed). */
	public void setFormat(String format) {
		this.format = format;
	}

	/** {@code jsonl} or {@code readable}, as started. */
	public String getFormat() {
		return (this.lines instanceof DynamoJsonlEncoder) ? "jsonl" : "readable";
	}

	/** JSONL only: whether lines carry the caller's {@code file} and {@code line}. */
	public void setCallerData(boolean callerData) {
		this.callerData = callerData;
	}

	/** Readable only: ANSI colours. */
	public void setColour(boolean colour) {
		this.colour = colour;
	}

	@Override
	public void start() {
		String chosen = (this.format != null) ? this.format.trim().toLowerCase(Locale.ROOT) : "";
		if (chosen.equals("jsonl")) {
			DynamoJsonlEncoder jsonl = new DynamoJsonlEncoder();
			jsonl.setCallerData(this.callerData);
			this.lines = jsonl;
		}
		else {
			if (!chosen.equals("readable")) {
				addError("format '" + this.format + "' is neither jsonl nor readable; writing readable lines");
			}
			DynamoReadableEncoder readable = new DynamoReadableEncoder();
			readable.setColour(this.colour);
			this.lines = readable;
		}
		this.lines.setLocalTime(isLocalTime());
		this.lines.setExtraFields(getExtraFields());
		this.lines.setContext(getContext());
		this.lines.start();
		super.start();
	}

	@Override
	public void setExtraFields(ExtraFields extraFields) {
		super.setExtraFields(extraFields);
		LineEncoder lines = this.lines;
		if (lines != null) {
			lines.setExtraFields(extraFields);
		}
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return this.lines.encode(event);
	}

}
