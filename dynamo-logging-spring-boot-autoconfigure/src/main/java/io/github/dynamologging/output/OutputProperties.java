package io.github.dynamologging.output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.dynamologging.format.ExtraFields;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * How the starter writes log lines to the console. Environment variables {@code DYN_LOGGING_JSONL},
 * {@code DYN_LOGGING_CONSOLE_FORMAT} and {@code DYN_LOG_USE_LOCAL_TZ} map onto these.
 */
@ConfigurationProperties(OutputProperties.PREFIX)
public class OutputProperties {

	static final String PREFIX = "dynamo.logging";

	private static final String JAVA_IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";

	/** A Java package or class name, a trailing '.' allowed. */
	private static final Pattern JAVA_NAME = Pattern
		.compile(JAVA_IDENTIFIER + "(\\." + JAVA_IDENTIFIER + ")*\\.?");

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

	/**
	 * Fields every line carries, name to value, fixed at start, e.g. dynamo.logging.fields.pod=${HOSTNAME}. A
	 * name has letters, digits, '.', '_' and '-' and is none of the keys the starter writes itself (time, level,
	 * message, trace_id, x_request_id, ...); an MDC entry or key-value pair of the same name wins on its line.
	 */
	private Map<String, String> fields = new LinkedHashMap<>();

	/**
	 * Packages (or classes) passed over like the logging frameworks' when a line's caller is found: an
	 * application's own logging facade, so 'file' and 'line' are its caller's. Added to Logback's own framework
	 * packages, so Logback's caller data (%file, %line) agrees.
	 */
	private List<String> callerDataSkipPackages = new ArrayList<>();

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

	public Map<String, String> getFields() {
		return this.fields;
	}

	public void setFields(Map<String, String> fields) {
		fields.keySet().forEach((name) -> {
			String problem = ExtraFields.problemWith(name);
			if (problem != null) {
				throw new IllegalArgumentException(PREFIX + ".fields." + name + " cannot be used: " + problem);
			}
		});
		this.fields = new LinkedHashMap<>(fields);
	}

	/**
	 * The settings as far as they are valid, for writing lines while a bad one fails the start elsewhere with
	 * its own message: a bad value is left at its default. A bad field name or skipped package fails the bind
	 * of the whole class (their setters check the whole value), so those two are then left out.
	 */
	static OutputProperties validPart(Environment environment) {
		Binder binder = Binder.get(environment);
		OutputProperties properties = binder.bindOrCreate(PREFIX, Bindable.of(OutputProperties.class),
				new IgnoreErrorsBindHandler());
		if (properties == null) {
			properties = binder.bindOrCreate(PREFIX, Bindable.of(OutputProperties.class), new WithoutCheckedLists());
		}
		return (properties != null) ? properties : new OutputProperties();
	}

	/** Ignores errors, and does not bind the two properties whose setters check their whole value. */
	private static final class WithoutCheckedLists extends AbstractBindHandler {

		private static final List<ConfigurationPropertyName> CHECKED = List.of(
				ConfigurationPropertyName.of(PREFIX + ".fields"),
				ConfigurationPropertyName.of(PREFIX + ".caller-data-skip-packages"));

		WithoutCheckedLists() {
			super(new IgnoreErrorsBindHandler());
		}

		@Override
		public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
			return CHECKED.contains(name) ? null : super.onStart(name, target, context);
		}

	}

	/** The fields every line carries, checked. */
	ExtraFields extraFields() {
		return ExtraFields.of(this.fields);
	}

	public List<String> getCallerDataSkipPackages() {
		return this.callerDataSkipPackages;
	}

	public void setCallerDataSkipPackages(List<String> callerDataSkipPackages) {
		callerDataSkipPackages.forEach((name) -> {
			if (name == null || !JAVA_NAME.matcher(name.trim()).matches()) {
				throw new IllegalArgumentException(PREFIX + ".caller-data-skip-packages holds '" + name
						+ "', which is not a Java package or class name; name the package of your logging facade,"
						+ " e.g. com.example.logging");
			}
		});
		this.callerDataSkipPackages = new ArrayList<>(callerDataSkipPackages);
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
