package io.github.dynamologging.format;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * What the two line formats share: one event, one line, no header or footer, the time setting and the extra
 * fields.
 */
public abstract class LineEncoder extends EncoderBase<ILoggingEvent> {

	private boolean localTime;

	private LogLineTime time = LogLineTime.utc();

	/** Replaced whole, never changed: a line reads it once. */
	private volatile ExtraFields extraFields = ExtraFields.NONE;

	/** Local time with a {@code +HH:MM} offset instead of UTC ({@code DYN_LOG_USE_LOCAL_TZ}). */
	public void setLocalTime(boolean localTime) {
		this.localTime = localTime;
	}

	/**
	 * Fields every line carries from now on (docs/output.md, "Extra fields"); may be set while lines are
	 * written, each line has the old or the new ones.
	 */
	public void setExtraFields(ExtraFields extraFields) {
		this.extraFields = (extraFields != null) ? extraFields : ExtraFields.NONE;
	}

	/** The fields every line carries. */
	public ExtraFields getExtraFields() {
		return this.extraFields;
	}

	/** Whether times are local ({@link #setLocalTime}). */
	final boolean isLocalTime() {
		return this.localTime;
	}

	/** How this encoder writes times; fixed when it starts. */
	final LogLineTime time() {
		return this.time;
	}

	@Override
	public void start() {
		this.time = LogLineTime.of(this.localTime);
		super.start();
	}

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
