package io.github.dynamologging.export;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.opentelemetry.sdk.common.CompletableResultCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spans and log records that never reach the collector, per {@link Signal} and {@link Reason}: their export
 * failed (collector refusing, hanging past the timeout, unresolvable), the batch processor's queue was full
 * (collector hanging or too slow for the load), or, for log records, the start-up buffer was full before the
 * exporter was ready. Counted for the metrics of docs/otlp-export.md, and said in at most one WARN a minute
 * for both signals together, with the last cause and endpoint. That line is the exporter's one-line warning:
 * the OpenTelemetry exporter's own lines, which repeat per batch, are off by default
 * ({@link ExporterLogDefaults}).
 */
class ExportFailures {

	/** The metric of lost spans. */
	static final String METRIC = "dynamo.tracing.spans.dropped";

	/** The metric of lost log records. */
	static final String LOGS_METRIC = "dynamo.logging.records.dropped";

	static final String REASON_TAG = "reason";

	static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

	static final String MESSAGE = "OpenTelemetry OTLP export is losing spans or log records; the collector may be "
			+ "unreachable, hanging or too slow (at most one such line a minute)";

	private static final Logger log = LoggerFactory.getLogger(ExportFailures.class);

	/** What was lost. */
	enum Signal {

		SPANS(METRIC, "dropped_spans"),

		LOGS(LOGS_METRIC, "dropped_log_records");

		private final String metric;

		private final String field;

		Signal(String metric, String field) {
			this.metric = metric;
			this.field = field;
		}

		String metric() {
			return this.metric;
		}

	}

	/** Why it was lost: the value of the metric's {@value #REASON_TAG} tag. */
	enum Reason {

		/** The exporter gave up on a batch. */
		EXPORT_FAILED("export-failed", "dropped_export_failed"),

		/** The batch processor's queue was full when the span ended or the line was logged. */
		QUEUE_FULL("queue-full", "dropped_queue_full"),

		/** A line logged before the exporter was ready found the start-up buffer full (log records only). */
		STARTUP_BUFFER_FULL("startup-buffer-full", "dropped_startup_buffer_full");

		private final String tag;

		private final String field;

		Reason(String tag, String field) {
			this.tag = tag;
			this.field = field;
		}

		String tag() {
			return this.tag;
		}

	}

	private final AtomicLong[][] counts = new AtomicLong[Signal.values().length][Reason.values().length];

	/** The totals when the last line was written, so the next says what was lost since. */
	private final long[][] reported = new long[Signal.values().length][Reason.values().length];

	private volatile String lastCause;

	private volatile String lastEndpoint;

	private final LongSupplier nanoTime;

	private final Object reportLock = new Object();

	private long lastReport;

	private boolean reportedOnce;

	ExportFailures() {
		this(System::nanoTime);
	}

	/** @param nanoTime the clock of the one-a-minute limit, a test's own in tests */
	ExportFailures(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		for (AtomicLong[] bySignal : this.counts) {
			for (int i = 0; i < bySignal.length; i++) {
				bySignal[i] = new AtomicLong();
			}
		}
	}

	/** Called from the exporter's thread when a batch is lost; never from a request thread. */
	void exportFailed(Signal signal, int items, Throwable cause, String endpoint) {
		this.lastCause = describe(cause);
		count(signal, Reason.EXPORT_FAILED, items);
		reportIfDue(endpoint);
	}

	/**
	 * Runs one export of {@code items} spans or log records and counts them if it fails. Each export also
	 * gives this the exporter's thread to say what was lost.
	 */
	CompletableResultCode export(Signal signal, int items, String endpoint, Supplier<CompletableResultCode> export) {
		reportIfDue(endpoint);
		CompletableResultCode result = export.get();
		result.whenComplete(() -> {
			if (!result.isSuccess()) {
				exportFailed(signal, items, result.getFailureThrowable(), endpoint);
			}
		});
		return result;
	}

	/**
	 * Counts a loss on the thread that ended the span or logged the line, often a request thread: the line
	 * that says so is left to {@link #reportIfDue(String)} on an exporter's thread.
	 */
	void count(Signal signal, Reason reason, long items) {
		this.counts[signal.ordinal()][reason.ordinal()].addAndGet(items);
	}

	/**
	 * Writes the line, naming the exporter's endpoint, if anything was lost since the last one and the last one
	 * is a minute old. Called on an exporter's thread at each export, which runs while a queue holds items, so
	 * queue-full losses are said within one export of happening.
	 */
	void reportIfDue(String endpoint) {
		this.lastEndpoint = endpoint;
		long[][] since = new long[Signal.values().length][Reason.values().length];
		long dropped = 0;
		synchronized (this.reportLock) {
			for (Signal signal : Signal.values()) {
				for (Reason reason : Reason.values()) {
					long total = total(signal, reason);
					since[signal.ordinal()][reason.ordinal()] = total - this.reported[signal.ordinal()][reason.ordinal()];
					dropped += since[signal.ordinal()][reason.ordinal()];
				}
			}
			long now = this.nanoTime.getAsLong();
			if (dropped == 0 || (this.reportedOnce && now - this.lastReport < REPORT_INTERVAL.toNanos())) {
				return;
			}
			this.reportedOnce = true;
			this.lastReport = now;
			for (Signal signal : Signal.values()) {
				for (Reason reason : Reason.values()) {
					this.reported[signal.ordinal()][reason.ordinal()] += since[signal.ordinal()][reason.ordinal()];
				}
			}
		}
		var line = log.atWarn().addKeyValue("dropped", dropped);
		for (Reason reason : Reason.values()) {
			line = line.addKeyValue(reason.field, since[0][reason.ordinal()] + since[1][reason.ordinal()]);
		}
		for (Signal signal : Signal.values()) {
			long bySignal = 0;
			for (long count : since[signal.ordinal()]) {
				bySignal += count;
			}
			line = line.addKeyValue(signal.field, bySignal);
		}
		boolean exportFailed = since[0][Reason.EXPORT_FAILED.ordinal()] + since[1][Reason.EXPORT_FAILED.ordinal()] > 0;
		String cause = exportFailed ? this.lastCause
				: "a queue or the start-up buffer was full: the collector is too slow or not answering";
		line.addKeyValue("dropped_total", total())
			.addKeyValue("endpoint", this.lastEndpoint)
			.addKeyValue("cause", cause)
			.log(MESSAGE);
	}

	/**
	 * The causes below the exporter's own wrapper, outermost first: each says part of what happened (a
	 * timeout, then the reset stream it caused; a refused connection; an unknown host).
	 */
	private static String describe(Throwable cause) {
		if (cause == null) {
			return "the collector answered with an error";
		}
		StringBuilder text = new StringBuilder();
		Throwable current = (cause.getCause() != null) ? cause.getCause() : cause;
		for (int depth = 0; current != null && depth < 4; depth++) {
			String message = current.getMessage();
			// A wrapper made from its cause only repeats the cause's text.
			if (current.getCause() == null || message == null || !message.equals(current.getCause().toString())) {
				text.append((text.length() > 0) ? "; caused by " : "")
					.append(current.getClass().getSimpleName())
					.append(": ")
					.append(message);
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return text.toString();
	}

	long total(Signal signal, Reason reason) {
		return this.counts[signal.ordinal()][reason.ordinal()].get();
	}

	long total(Signal signal) {
		long total = 0;
		for (Reason reason : Reason.values()) {
			total += total(signal, reason);
		}
		return total;
	}

	long total() {
		return total(Signal.SPANS) + total(Signal.LOGS);
	}

}
