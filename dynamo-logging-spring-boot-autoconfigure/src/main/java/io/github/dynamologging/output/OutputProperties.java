package io.github.dynamologging.output;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the starter writes log lines to the console. Environment variables {@code DYN_LOGGING_JSONL},
 * {@code DYN_LOGGING_CONSOLE_FORMAT} and {@code DYN_LOG_USE_LOCAL_TZ} map onto these.
 */
@ConfigurationProperties("dynamo.logging")
public class OutputProperties {

	/**
	 * Whether the starter configures logging at all. When false, Spring Boot's own console output and
	 * environment are left untouched.
	 */
	private boolean enabled = true;

	/** Console line format: readable text or Dynamo-compatible JSONL. */
	private OutputFormat format = OutputFormat.READABLE;

	/** Standard stream the console lines are written to. */
	private OutputStreamName output = OutputStreamName.STDERR;

	/** Whether times are local with a +HH:MM offset instead of UTC with Z. */
	private boolean localTime;

	/** Whether lines carry the calling source file and line ('file' and 'line' keys). */
	private boolean callerData = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public OutputFormat getFormat() {
		return this.format;
	}

	public void setFormat(OutputFormat format) {
		this.format = format;
	}

	public OutputStreamName getOutput() {
		return this.output;
	}

	public void setOutput(OutputStreamName output) {
		this.output = output;
	}

	public boolean isLocalTime() {
		return this.localTime;
	}

	public void setLocalTime(boolean localTime) {
		this.localTime = localTime;
	}

	public boolean isCallerData() {
		return this.callerData;
	}

	public void setCallerData(boolean callerData) {
		this.callerData = callerData;
	}

}
