package io.github.dynamologging.export;

import org.junit.jupiter.api.Test;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingProperties;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingProperties;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's export batch and queue sizes: below every source, and what both batch processors get. */
class ExportBatchDefaultsTests {

	private static final String SPAN_QUEUE = "management.opentelemetry.tracing.export.max-queue-size";

	private static final String SPAN_BATCH = "management.opentelemetry.tracing.export.max-batch-size";

	private static final String LOG_QUEUE = "management.opentelemetry.logging.export.max-queue-size";

	private static final String LOG_BATCH = "management.opentelemetry.logging.export.max-batch-size";

	private final DynamoEnvironment env = new DynamoEnvironment();

	@Test
	void bothSignalsQueue8192AndSendBatchesOf2048ByDefault() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.exportContext()
			.run((context) -> {
				OpenTelemetryTracingProperties.Export spans = context.getBean(OpenTelemetryTracingProperties.class)
					.getExport();
				OpenTelemetryLoggingProperties.Export logs = context.getBean(OpenTelemetryLoggingProperties.class)
					.getExport();
				assertThat(spans.getMaxQueueSize()).isEqualTo(8192);
				assertThat(spans.getMaxBatchSize()).isEqualTo(2048);
				assertThat(logs.getMaxQueueSize()).isEqualTo(8192);
				assertThat(logs.getMaxBatchSize()).isEqualTo(2048);
			});
	}

	/** Any source wins, Boot's mapping of OTEL_BSP_* / OTEL_BLRP_* included (it adds its source first). */
	@Test
	void applicationYmlWins() {
		this.env.applicationYml.put(SPAN_QUEUE, "1000");
		this.env.applicationYml.put(LOG_BATCH, "100");
		StandardEnvironment environment = this.env.process();
		assertThat(environment.getProperty(SPAN_QUEUE)).isEqualTo("1000");
		assertThat(environment.getProperty(SPAN_BATCH)).isEqualTo("2048");
		assertThat(environment.getProperty(LOG_QUEUE)).isEqualTo("8192");
		assertThat(environment.getProperty(LOG_BATCH)).isEqualTo("100");
	}

}
