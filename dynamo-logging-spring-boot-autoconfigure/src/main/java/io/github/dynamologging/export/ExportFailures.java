package io.github.dynamologging.export;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spans that never reach the collector, for either of two reasons: their export failed (collector refusing,
 * hanging past the timeout, unresolvable), or the batch processor's queue was full when they ended (collector
 * hanging or too slow for the load). Counted for the {@value #METRIC} metric per {@link Reason}, and said in
 * at most one WARN a minute that carries the last cause and endpoint. That line is the exporter's one-line
 * warning of SPEC 3.3: the OpenTelemetry exporter's own lines, which repeat per batch, are off by default
 * ({@link ExporterLogDefaults}).
 */
class ExportFailures {

	static final String METRIC = "dynamo.tracing.spans.dropped";

	static final String REASON_TAG = "reason";

	static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

	static final String MESSAGE = "OpenTelemetry OTLP export is losing spans; the collector may be unreachable, "
			+ "hanging or too slow (at most one such line a minute)";

	private static final Logger log = LoggerFactory.getLogger(ExportFailures.class);

	/** Why spans were lost: the value of the metric's {@value #REASON_TAG} tag. */
	enum Reason {

		/** The exporter gave up on a batch. */
		EXPORT_FAILED("export-failed"),

		/** The batch processor's queue was full when the span ended. */
		QUEUE_FULL("queue-full");

		private final String tag;

		Reason(String tag) {
			this.tag = tag;
		}

		String tag() {
			return this.tag;
		}

	}

	private final AtomicLong exportFailed = new AtomicLong();

	private final AtomicLong queueFull = new AtomicLong();

	/** The totals when the last line was written, so the next says what was lost since. */
	private long reportedExportFailed;

	private long reportedQueueFull;

	private volatile String lastCause;

	private volatile String lastEndpoint;

	private final LongSupplier nanoTime;

	private final Object reportLock = new Object();

	private long lastReport;

	private boolean reported;

	ExportFailures() {
		this(System::nanoTime);
	}

	/** @param nanoTime the clock of the one-a-minute limit, a test's own in tests */
	ExportFailures(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/** Called from the exporter's thread when a batch is lost; never from a request thread. */
	void exportFailed(int spans, Throwable cause, String endpoint) {
		this.lastCause = describe(cause);
		this.exportFailed.addAndGet(spans);
		reportIfDue(endpoint);
	}

	/**
	 * Called on the thread that ended the span, often a request thread: it only counts, and the line that
	 * says so is left to {@link #reportIfDue(String)} on the exporter's thread.
	 */
	void queueFull(long spans) {
		this.queueFull.addAndGet(spans);
	}

	/**
	 * Writes the line, naming the exporter's endpoint, if spans were lost since the last one and the last one is a minute old. Called on the
	 * exporter's thread at each export, which runs while the queue holds spans, so queue-full losses are
	 * said within one export of happening.
	 */
	void reportIfDue(String endpoint) {
		this.lastEndpoint = endpoint;
		long exportFailed;
		long queueFull;
		synchronized (this.reportLock) {
			exportFailed = this.exportFailed.get() - this.reportedExportFailed;
			queueFull = this.queueFull.get() - this.reportedQueueFull;
			long now = this.nanoTime.getAsLong();
			if (exportFailed + queueFull == 0
					|| (this.reported && now - this.lastReport < REPORT_INTERVAL.toNanos())) {
				return;
			}
			this.reported = true;
			this.lastReport = now;
			this.reportedExportFailed += exportFailed;
			this.reportedQueueFull += queueFull;
		}
		String cause = (exportFailed > 0) ? this.lastCause
				: "the export queue was full: the collector is too slow or not answering";
		log.atWarn()
			.addKeyValue("dropped", exportFailed + queueFull)
			.addKeyValue("dropped_export_failed", exportFailed)
			.addKeyValue("dropped_queue_full", queueFull)
			.addKeyValue("dropped_total", total())
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

	long total(Reason reason) {
		return switch (reason) {
			case EXPORT_FAILED -> this.exportFailed.get();
			case QUEUE_FULL -> this.queueFull.get();
		};
	}

	long total() {
		return this.exportFailed.get() + this.queueFull.get();
	}

}
