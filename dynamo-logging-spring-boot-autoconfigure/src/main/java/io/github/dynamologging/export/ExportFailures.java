package io.github.dynamologging.export;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spans lost because an export failed (collector refusing, hanging past the timeout, unresolvable): counted
 * for the {@value #METRIC} metric, and said in at most one WARN a minute, so an outage neither floods the
 * log nor goes unnoticed (the OpenTelemetry libraries' own lines start at {@code error}).
 */
class ExportFailures {

	static final String METRIC = "dynamo.tracing.spans.dropped";

	static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(ExportFailures.class);

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong sinceReport = new AtomicLong();

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
	void dropped(int spans, Throwable cause) {
		this.total.addAndGet(spans);
		this.sinceReport.addAndGet(spans);
		long now = this.nanoTime.getAsLong();
		synchronized (this.reportLock) {
			if (this.reported && now - this.lastReport < REPORT_INTERVAL.toNanos()) {
				return;
			}
			this.reported = true;
			this.lastReport = now;
		}
		long count = this.sinceReport.getAndSet(0);
		log.atWarn()
			.addKeyValue("dropped", count)
			.addKeyValue("dropped_total", total())
			.addKeyValue("cause", describe(cause))
			.log("OpenTelemetry OTLP export failed, spans dropped; the collector may be unreachable "
					+ "(at most one such line a minute)");
	}

	/** The innermost cause says what happened (refused, timed out, unknown host); the wrappers only repeat it. */
	private static String describe(Throwable cause) {
		if (cause == null) {
			return "the collector answered with an error";
		}
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	long total() {
		return this.total.get();
	}

}
