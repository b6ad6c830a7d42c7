package io.github.dynamologging.export;

import java.util.Map;

/**
 * Larger export batches and queues than Spring Boot's (512 and 2,048) for both signals, among the starter's
 * built-in defaults, so any source above changes them ({@code management.opentelemetry.*.export.*}, or
 * {@code OTEL_BSP_*} / {@code OTEL_BLRP_*}). Much of an export's CPU is paid per batch rather than per span,
 * and on a busy core the processor's thread runs seldom; with 512 a batch and room for 2,048 a service that
 * traces every request at 12,000 requests a second dropped spans as queue-full and paid more per span. Four
 * times both costs at most the memory of 6,144 more queued spans or records while a collector is down. The
 * figures are in docs/performance.md.
 */
final class ExportBatchDefaults {

	static final int MAX_QUEUE_SIZE = 8192;

	static final int MAX_BATCH_SIZE = 2048;

	static final Map<String, Object> PROPERTIES = Map.of(
			"management.opentelemetry.tracing.export.max-queue-size", MAX_QUEUE_SIZE,
			"management.opentelemetry.tracing.export.max-batch-size", MAX_BATCH_SIZE,
			"management.opentelemetry.logging.export.max-queue-size", MAX_QUEUE_SIZE,
			"management.opentelemetry.logging.export.max-batch-size", MAX_BATCH_SIZE);

	private ExportBatchDefaults() {
	}

}
