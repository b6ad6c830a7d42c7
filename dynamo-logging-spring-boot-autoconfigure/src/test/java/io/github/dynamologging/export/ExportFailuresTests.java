package io.github.dynamologging.export;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.github.dynamologging.export.ExportFailures.Reason;
import io.github.dynamologging.export.ExportFailures.Signal;
import io.github.dynamologging.testing.LoggerEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/** Spans lost to a collector that refuses connections: counted, and said at most once a minute. */
class ExportFailuresTests {

	@RegisterExtension
	final LoggerEvents lines = new LoggerEvents(ExportFailures.class);

	@Test
	void lostBatchesAreCountedAndSaidAtMostOnceAMinute() throws IOException {
		AtomicLong now = new AtomicLong();
		ExportFailures failures = new ExportFailures(now::get);
		// No retries: the exporter's backoff would only make the test wait for the same failure.
		OtlpHttpSpanExporter refused = OtlpHttpSpanExporter.builder()
			.setEndpoint(CollectorFaultsTest.refusingEndpoint() + "/v1/traces")
			.setRetryPolicy(null)
			.build();
		try {
			FailureCountingSpanExporter exporter = new FailureCountingSpanExporter(refused, "refusing", failures);
			assertThat(exportAndWait(exporter, 3).isSuccess()).isFalse();
			assertThat(failures.total()).isEqualTo(3);
			assertThat(warnings()).hasSize(1);
			assertThat(LineFields.of(this.lines.list().get(0))).containsEntry("dropped", 3L);
			now.addAndGet(Duration.ofSeconds(59).toNanos());
			exportAndWait(exporter, 2);
			assertThat(failures.total()).isEqualTo(5);
			assertThat(warnings()).hasSize(1);
			now.addAndGet(Duration.ofSeconds(2).toNanos());
			exportAndWait(exporter, 1);
			assertThat(warnings()).hasSize(2);
			// The next export after the minute says what was lost since the first line: the 2 of the second batch.
			assertThat(LineFields.of(this.lines.list().get(1))).containsEntry("dropped", 2L)
				.containsEntry("dropped_export_failed", 2L)
				.containsEntry("dropped_total", 5L)
				.containsEntry("endpoint", "refusing");
			assertThat((String) LineFields.of(this.lines.list().get(1)).get("cause")).startsWith("ConnectException: ");
			assertThat(failures.total(Signal.SPANS, Reason.EXPORT_FAILED)).isEqualTo(6);
		}
		finally {
			refused.shutdown().join(5, TimeUnit.SECONDS);
		}
	}

	@Test
	void queueFullDropsAreCountedAtOnceAndSaidOnTheExportersThread() {
		AtomicLong now = new AtomicLong();
		ExportFailures failures = new ExportFailures(now::get);
		failures.count(Signal.SPANS, Reason.QUEUE_FULL, 4);
		failures.count(Signal.SPANS, Reason.QUEUE_FULL, 1);
		assertThat(failures.total(Signal.SPANS, Reason.QUEUE_FULL)).isEqualTo(5);
		assertThat(warnings()).isEmpty();
		failures.reportIfDue("http://collector:4317");
		assertThat(warnings()).hasSize(1);
		assertThat(LineFields.of(this.lines.list().get(0))).containsEntry("dropped", 5L)
			.containsEntry("dropped_queue_full", 5L)
			.containsEntry("dropped_export_failed", 0L)
			.containsEntry("endpoint", "http://collector:4317");
		failures.count(Signal.SPANS, Reason.QUEUE_FULL, 2);
		now.addAndGet(Duration.ofSeconds(30).toNanos());
		failures.reportIfDue("http://collector:4317");
		assertThat(warnings()).hasSize(1);
		now.addAndGet(Duration.ofSeconds(31).toNanos());
		failures.reportIfDue("http://collector:4317");
		assertThat(warnings()).hasSize(2);
		assertThat(LineFields.of(this.lines.list().get(1))).containsEntry("dropped_queue_full", 2L)
			.containsEntry("dropped_total", 7L);
		// Nothing lost since: no line, however long it has been.
		now.addAndGet(Duration.ofMinutes(5).toNanos());
		failures.reportIfDue("http://collector:4317");
		assertThat(warnings()).hasSize(2);
	}

	@Test
	void bothSignalsShareTheOneLineAMinuteAndKeepTheirOwnCounts() {
		AtomicLong now = new AtomicLong();
		ExportFailures failures = new ExportFailures(now::get);
		failures.count(Signal.SPANS, Reason.QUEUE_FULL, 3);
		failures.count(Signal.LOGS, Reason.QUEUE_FULL, 2);
		failures.count(Signal.LOGS, Reason.STARTUP_BUFFER_FULL, 1);
		failures.reportIfDue("http://collector:4317");
		failures.exportFailed(Signal.LOGS, 4, new IOException("refused"), "http://collector:4317");
		failures.exportFailed(Signal.SPANS, 5, new IOException("refused"), "http://collector:4317");
		assertThat(warnings()).hasSize(1);
		assertThat(LineFields.of(this.lines.list().get(0))).containsEntry("dropped", 6L)
			.containsEntry("dropped_spans", 3L)
			.containsEntry("dropped_log_records", 3L)
			.containsEntry("dropped_queue_full", 5L)
			.containsEntry("dropped_startup_buffer_full", 1L);
		assertThat(failures.total(Signal.SPANS)).isEqualTo(8);
		assertThat(failures.total(Signal.LOGS)).isEqualTo(7);
		MeterRegistry registry = new SimpleMeterRegistry();
		new OtlpExportAutoConfiguration.DroppedMetrics().dynamoDroppedSpansMetric(failures).bindTo(registry);
		assertThat(registry.get(ExportFailures.LOGS_METRIC)
			.tag(ExportFailures.REASON_TAG, "startup-buffer-full")
			.functionCounter()
			.count()).isEqualTo(1.0);
		assertThat(registry.get(ExportFailures.LOGS_METRIC)
			.tag(ExportFailures.REASON_TAG, "export-failed")
			.functionCounter()
			.count()).isEqualTo(4.0);
		assertThat(registry.get(ExportFailures.METRIC)
			.tag(ExportFailures.REASON_TAG, "export-failed")
			.functionCounter()
			.count()).isEqualTo(5.0);
	}

	@Test
	void successfulExportsCountNothing() {
		ExportFailures failures = new ExportFailures();
		FailureCountingSpanExporter exporter = new FailureCountingSpanExporter(
				InMemorySpanExporter.create(), "in-memory", failures);
		assertThat(exportAndWait(exporter, 4).isSuccess()).isTrue();
		assertThat(failures.total()).isZero();
		assertThat(warnings()).isEmpty();
	}

	@Test
	void theAppCountsSpansItCouldNotExportInItsMeterRegistry() throws IOException {
		DynamoEnvironment env = new DynamoEnvironment().variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
			.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", CollectorFaultsTest.refusingEndpoint() + "/v1/traces");
		env.exportContext()
			.withBean(OtlpHttpSpanExporterBuilderCustomizer.class, () -> (builder) -> builder.setRetryPolicy(null))
			.run((context) -> {
				// Boot's metrics auto-configuration binds every MeterBinder bean to the registry the same way.
				MeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(MeterBinder.class).bindTo(registry);
				OpenTelemetry openTelemetry = context.getBean(OpenTelemetry.class);
				openTelemetry.getTracer("test").spanBuilder("one").startSpan().end();
				openTelemetry.getTracer("test").spanBuilder("two").startSpan().end();
				context.getBean(SdkTracerProvider.class).forceFlush().join(15, TimeUnit.SECONDS);
				assertThat(registry.get(ExportFailures.METRIC)
					.tag(ExportFailures.REASON_TAG, "export-failed")
					.functionCounter()
					.count()).isEqualTo(2.0);
				assertThat(warnings()).hasSize(1);
			});
	}

	private List<ILoggingEvent> warnings() {
		return this.lines.list().stream().filter((line) -> line.getLevel() == Level.WARN).toList();
	}

	private static CompletableResultCode exportAndWait(FailureCountingSpanExporter exporter, int spans) {
		List<SpanData> batch = IntStream.range(0, spans).mapToObj((i) -> span()).toList();
		return exporter.export(batch).join(15, TimeUnit.SECONDS);
	}

	private static SpanData span() {
		return TestSpanData.builder()
			.setName("work")
			.setKind(SpanKind.INTERNAL)
			.setSpanContext(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
					TraceFlags.getSampled(), TraceState.getDefault()))
			.setStatus(StatusData.unset())
			.setStartEpochNanos(1)
			.setEndEpochNanos(2)
			.setHasEnded(true)
			.build();
	}

}
