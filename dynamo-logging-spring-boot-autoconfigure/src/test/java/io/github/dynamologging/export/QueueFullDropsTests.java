package io.github.dynamologging.export;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.dynamologging.export.ExportFailures.Reason;
import io.github.dynamologging.export.ExportFailures.Signal;
import io.github.dynamologging.testing.LoggerEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spans refused by Boot's batch span processor because its queue is full (the collector hangs) are counted
 * with reason {@code queue-full} and said in the same one-a-minute line; exported, dropped and queued spans
 * add up to every span that ended.
 */
class QueueFullDropsTests {

	/** A power of two, which the SDK's queue keeps exactly. */
	private static final int QUEUE = 8;

	private static final int BATCH = 4;

	@RegisterExtension
	final LoggerEvents lines = new LoggerEvents(ExportFailures.class);

	@Test
	void spansAFullQueueRefusesAreCountedAndEverySpanIsAccountedFor() throws Exception {
		// Also receives every batch the processor hands over: what the processor took off its queue.
		InMemorySpanExporter handedOver = InMemorySpanExporter.create();
		try (SilentCollector collector = new SilentCollector()) {
			DynamoEnvironment env = new DynamoEnvironment().variable("OTEL_EXPORT_ENABLED", "1")
				.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
				.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint() + "/v1/traces");
			// The test's own properties sit above the variables' 5 s, so a hanging export holds the
			// processor's only thread for the whole test, and the queue fills.
			env.exportContext()
				.withPropertyValues("management.opentelemetry.tracing.export.max-queue-size=" + QUEUE,
						"management.opentelemetry.tracing.export.max-batch-size=" + BATCH,
						"management.opentelemetry.tracing.export.schedule-delay=1h",
						"management.opentelemetry.tracing.export.timeout=2m",
						"management.opentelemetry.tracing.export.otlp.timeout=2m")
				.withBean(InMemorySpanExporter.class, () -> handedOver)
				.withBean(OtlpHttpSpanExporterBuilderCustomizer.class,
						() -> (builder) -> builder.setRetryPolicy(null))
				.run((context) -> {
					assertThat(context.getEnvironment().getProperty("management.opentelemetry.tracing.export.timeout"))
						.isEqualTo("2m");
					MeterRegistry registry = new SimpleMeterRegistry();
					context.getBean(MeterBinder.class).bindTo(registry);
					ExportFailures failures = context.getBean(ExportFailures.class);
					Tracer tracer = context.getBean(OpenTelemetry.class).getTracer("test");
					// A full batch: the processor takes it and hangs on the silent collector.
					endSpans(tracer, BATCH);
					awaitHandedOver(handedOver, BATCH);
					int more = 3 * QUEUE;
					endSpans(tracer, more);
					int queued = QUEUE;
					long expectedDropped = more - queued;
					assertThat(failures.total(Signal.SPANS, Reason.QUEUE_FULL)).isEqualTo(expectedDropped);
					assertThat(registry.get(ExportFailures.METRIC)
						.tag(ExportFailures.REASON_TAG, "queue-full")
						.functionCounter()
						.count()).isEqualTo(expectedDropped);
					// Counted on the request's thread, said on the exporter's: no line yet.
					assertThat(warnings()).isEmpty();

					// The collector goes away: the hanging export fails, and the queued spans are handed over.
					collector.close();
					context.getBean(SdkTracerProvider.class).forceFlush().join(30, TimeUnit.SECONDS);
					int ended = BATCH + more;
					assertThat(handedOver.getFinishedSpanItems()).hasSize(BATCH + queued);
					assertThat(handedOver.getFinishedSpanItems().size() + failures.total(Signal.SPANS, Reason.QUEUE_FULL))
						.isEqualTo(ended);
					assertThat(warnings()).hasSize(1);
					Map<String, Object> warning = LineFields.of(warnings().get(0));
					assertThat(warning).containsEntry("dropped_queue_full", expectedDropped);
				});
		}
	}

	private static void endSpans(Tracer tracer, int count) {
		for (int i = 0; i < count; i++) {
			tracer.spanBuilder("span-" + i).startSpan().end();
		}
	}

	private static void awaitHandedOver(InMemorySpanExporter exporter, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (exporter.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(exporter.getFinishedSpanItems()).hasSize(count);
	}

	private List<ILoggingEvent> warnings() {
		return this.lines.list().stream().filter((line) -> line.getLevel() == Level.WARN).toList();
	}

}
