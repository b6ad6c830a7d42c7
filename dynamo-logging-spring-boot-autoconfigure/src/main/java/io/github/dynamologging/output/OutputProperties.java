package io.github.dynamologging.output;

import java.time.Duration;

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

	/**
	 * What the log file (logging.file.name or logging.file.path) holds: 'readable', 'jsonl' or 'boot' (Spring
	 * Boot's logging.pattern.file or logging.structured.format.file). Unset: Boot's when one of those two is
	 * set, else the console's format.
	 */
	private FileFormat fileFormat;

	/** Opt-in asynchronous console output. */
	private final Async async = new Async();

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

	public FileFormat getFileFormat() {
		return this.fileFormat;
	}

	public void setFileFormat(FileFormat fileFormat) {
		this.fileFormat = fileFormat;
	}

	public Async getAsync() {
		return this.async;
	}

	/**
	 * Asynchronous console output: lines are queued and written by one background thread, so a slow
	 * console never holds up the logging thread; when the queue is full, lines are dropped and counted.
	 */
	public static class Async {

		/** The largest power of two an {@code int} holds: the ring buffer's size is one. */
		static final int MAX_QUEUE_SIZE = 1 << 30;

		/**
		 * Whether lines are queued and written by a background thread. Off by default: synchronous output
		 * loses nothing.
		 */
		private boolean enabled;

		/**
		 * How many lines the queue holds at most; rounded up to a power of two. A line that finds it full is
		 * dropped and counted (metric 'dynamo.logging.events.dropped').
		 */
		private int queueSize = 8192;

		/**
		 * How long closing the application waits at most for the queued lines to be written.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getQueueSize() {
			return this.queueSize;
		}

		public void setQueueSize(int queueSize) {
			if (queueSize < 1 || queueSize > MAX_QUEUE_SIZE) {
				throw new IllegalArgumentException(
						"the async queue must hold between 1 and " + MAX_QUEUE_SIZE + " lines, but is " + queueSize);
			}
			this.queueSize = queueSize;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
				throw new IllegalArgumentException(
						"the async shutdown timeout must be zero or positive, but is " + shutdownTimeout);
			}
			this.shutdownTimeout = shutdownTimeout;
		}

	}

}
