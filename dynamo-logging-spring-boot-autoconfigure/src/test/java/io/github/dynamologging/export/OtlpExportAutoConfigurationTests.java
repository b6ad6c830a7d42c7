package io.github.dynamologging.export;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.exporter.SpanReporter;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingProperties;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exporter Boot builds from what the variables mapped to: the context's environment goes through the
 * starter's post-processor with substituted variables.
 */
class OtlpExportAutoConfigurationTests {

	private final DynamoEnvironment env = new DynamoEnvironment();

	private final ApplicationContextRunner contextRunner = this.env.exportContext();

	/**
	 * For the tests that flush with export on: the OTLP exporter beside the in-memory one sends to localhost,
	 * where nothing listens, and retries with back-off, so each flush and the close would wait the 5 s export
	 * timeout out. Boot's settings, above the variables' 5 s.
	 */
	private static final String[] SHORT_EXPORT_TIMEOUTS = { "management.opentelemetry.tracing.export.timeout=200ms",
			"management.opentelemetry.logging.export.timeout=200ms" };

	@Test
	void noExporterWithoutTheSwitch() {
		this.contextRunner.run(this::hasNoOtlpExporter);
	}

	@Test
	void noExporterWhenOnlyAnEndpointIsSet() {
		this.env.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4317");
		this.contextRunner.run(this::hasNoOtlpExporter);
	}

	@Test
	void grpcExporterWhenEnabled() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OtlpGrpcSpanExporter.class).doesNotHaveBean(OtlpHttpSpanExporter.class);
			assertThat(context.getBean(OtlpGrpcSpanExporter.class).toString()).contains("http://localhost:4317");
		});
	}

	@Test
	void httpExporterWhenEnabledWithHttpProtobuf() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1").variable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class).doesNotHaveBean(OtlpGrpcSpanExporter.class);
			assertThat(context.getBean(OtlpHttpSpanExporter.class).toString())
				.contains("http://localhost:4318/v1/traces");
		});
	}

	@Test
	void everyExporterBootBuildsLoadsOnlySendersThatCanRun() {
		String loader = "componentLoader=" + RunnableSenderLoader.of(getClass().getClassLoader());
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(OtlpGrpcSpanExporter.class).toString()).contains(loader);
			assertThat(context.getBean(OtlpGrpcLogRecordExporter.class).toString()).contains(loader);
		});
		this.env.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(OtlpHttpSpanExporter.class).toString()).contains(loader);
			assertThat(context.getBean(OtlpHttpLogRecordExporter.class).toString()).contains(loader);
		});
	}

	@Test
	void theExportSwitchIsOffByDefaultAndMeansWhatTheVariableMeansFromAnySource() {
		this.contextRunner.run((context) -> {
			hasNoOtlpExporter(context);
			assertThat(context.getBean(ExportProperties.class).getEnabled()).isNull();
		});
		this.contextRunner.withPropertyValues("dynamo.logging.export.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(OtlpGrpcSpanExporter.class).hasBean("dynamoBatchSpanProcessor");
			assertThat(context.getBean(OtlpGrpcSpanExporter.class).toString()).contains("http://localhost:4317");
			assertThat(context.getBean(ExportProperties.class).getEnabled()).isTrue();
		});
		this.env.applicationYml.put("dynamo.logging.export.enabled", "true");
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(OtlpGrpcSpanExporter.class));
	}

	@Test
	void theVariableSetsTheSwitch() {
		this.env.variable("OTEL_EXPORT_ENABLED", "yes");
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OtlpGrpcSpanExporter.class);
			assertThat(context.getBean(ExportProperties.class).getEnabled()).isTrue();
		});
	}

	@Test
	void theExportSwitchOffWinsOverTheVariableFromAboveAndOverBootsPropertiesAndEndpoints() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1").variable("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317");
		this.contextRunner.withPropertyValues("dynamo.logging.export.enabled=false").run((context) -> {
			hasNoOtlpExporter(context);
			assertThat(context.getBean(ExportProperties.class).getEnabled()).isFalse();
		});
		DynamoEnvironment yml = new DynamoEnvironment();
		yml.applicationYml.put("dynamo.logging.export.enabled", "false");
		yml.applicationYml.put("management.tracing.export.otlp.enabled", "true");
		yml.applicationYml.put("management.opentelemetry.tracing.export.otlp.endpoint", "http://collector:4318/v1/traces");
		yml.exportContext().run(this::hasNoOtlpExporter);
	}

	@Test
	void theVariableWinsOverTheSwitchInApplicationYml() {
		this.env.variable("OTEL_EXPORT_ENABLED", "0");
		this.env.applicationYml.put("dynamo.logging.export.enabled", "true");
		this.contextRunner.run((context) -> {
			hasNoOtlpExporter(context);
			assertThat(context.getBean(ExportProperties.class).getEnabled()).isFalse();
		});
	}

	@Test
	void noExporterWhenTheEndpointIsMalformed() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1").variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4317");
		this.contextRunner.run(this::hasNoOtlpExporter);
	}

	@Test
	void noExporterWhenDynamoLoggingIsOff() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.env.systemProperties.put("dynamo.logging.enabled", "false");
		this.contextRunner.run(this::hasNoOtlpExporter);
	}

	@Test
	void spansAreFromDynamoWhenNothingNamesTheService() {
		assertThat(serviceNameOfASpan()).isEqualTo("dynamo");
	}

	@Test
	void spansAreFromTheApplicationWhenItHasAName() {
		this.env.applicationYml.put("spring.application.name", "orders");
		assertThat(serviceNameOfASpan()).isEqualTo("orders");
	}

	@Test
	void spansAreFromTheServiceNameVariableAboveAll() {
		this.env.applicationYml.put("spring.application.name", "orders");
		this.env.variable("OTEL_SERVICE_NAME", "checkout");
		assertThat(serviceNameOfASpan()).isEqualTo("checkout");
	}

	@Test
	void noMeterProviderIsPublishedForOtherInstrumentationToFind() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MeterProvider.class));
	}

	@Test
	void anApplicationsOwnMeterProviderIsLeftToItsOwnUse() {
		MeterProvider own = MeterProvider.noop();
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.withBean(MeterProvider.class, () -> own)
			.run((context) -> assertThat(context).getBean(MeterProvider.class).isSameAs(own));
	}

	/**
	 * The starter's processors copy Boot's export settings one by one: when Boot adds or renames one, this
	 * fails, and the copy must follow.
	 */
	@Test
	void theStartersProcessorsCopyEveryExportSettingBootHas() {
		assertThat(settings(OpenTelemetryTracingProperties.Export.class)).containsExactlyInAnyOrder("includeUnsampled",
				"timeout", "maxBatchSize", "maxQueueSize", "scheduleDelay");
		assertThat(settings(OpenTelemetryLoggingProperties.Export.class)).containsExactlyInAnyOrder("timeout",
				"maxBatchSize", "maxQueueSize", "scheduleDelay");
	}

	private static List<String> settings(Class<?> properties) {
		return Arrays.stream(BeanUtils.getPropertyDescriptors(properties))
			.filter((property) -> property.getWriteMethod() != null)
			.map(PropertyDescriptor::getName)
			.toList();
	}

	@Test
	void bootsOwnProcessorsWhenTheStartersAreTurnedOff() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.withPropertyValues("dynamo.logging.export.own-processors=false")
			.run((context) -> assertThat(context).doesNotHaveBean("dynamoBatchSpanProcessor")
				.doesNotHaveBean("dynamoBatchLogRecordProcessor")
				.hasSingleBean(BatchSpanProcessor.class)
				.hasSingleBean(BatchLogRecordProcessor.class));
	}

	@Test
	void theLogProcessorTakesBootsExportSettingsAndCountsAFullQueue() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.withBean(InMemoryLogRecordExporter.class, InMemoryLogRecordExporter::create)
			.withPropertyValues(SHORT_EXPORT_TIMEOUTS)
			.withPropertyValues("management.opentelemetry.logging.export.max-queue-size=2",
					"management.opentelemetry.logging.export.max-batch-size=2",
					"management.opentelemetry.logging.export.schedule-delay=1h")
			.run((context) -> {
				assertThat(context.getBean(BatchLogRecordProcessor.class))
					.isSameAs(context.getBean("dynamoBatchLogRecordProcessor"));
				SdkLoggerProvider provider = context.getBean(SdkLoggerProvider.class);
				ExportFailures failures = context.getBean(ExportFailures.class);
				for (int i = 0; i < 5; i++) {
					provider.get("test").logRecordBuilder().setBody("line " + i).emit();
				}
				provider.forceFlush().join(10, TimeUnit.SECONDS);
				int exported = context.getBean(InMemoryLogRecordExporter.class).getFinishedLogRecordItems().size();
				long dropped = failures.total(ExportFailures.Signal.LOGS, ExportFailures.Reason.QUEUE_FULL);
				assertThat(dropped).isPositive();
				assertThat(exported + dropped).isEqualTo(5);
			});
	}

	@Test
	void anApplicationsOwnExportFailuresIsKept() {
		ExportFailures own = new ExportFailures();
		this.contextRunner.withBean(ExportFailures.class, () -> own)
			.run((context) -> assertThat(context).getBean(ExportFailures.class).isSameAs(own));
	}

	@Test
	void theLastFlushIsBoundByTheExportTimeoutAndHappensAfterTheWebServerStops() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.run((context) -> {
			ExportShutdown shutdown = context.getBean(ExportShutdown.class);
			assertThat(shutdown.timeout()).isEqualTo(Duration.ofSeconds(5));
			// Boot's WebServerStartStopLifecycle stops the server in phase DEFAULT_PHASE - 2048.
			assertThat(shutdown.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
		});
	}

	@Test
	void spansQueuedAtCloseAreFlushed() throws Exception {
		try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
			this.env.variable("OTEL_EXPORT_ENABLED", "1")
				.variable("OTEL_EXPORTER_OTLP_PROTOCOL", receiver.protocol())
				.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint());
			ConfigurableApplicationContext[] closed = new ConfigurableApplicationContext[1];
			this.contextRunner.withPropertyValues("management.opentelemetry.tracing.export.schedule-delay=1h")
				.run((context) -> {
					for (int i = 0; i < 3; i++) {
						context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan().end();
					}
					assertThat(receiver.spans().count()).isZero();
					closed[0] = context.getSourceApplicationContext();
				});
			assertThat(closed[0].isActive()).isFalse();
			// Sent by the last flush, before the close returned.
			assertThat(receiver.spans().count()).isEqualTo(3);
		}
	}

	@Test
	void aStopThatIsNotACloseLeavesTheTracerRecording() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.run((context) -> {
			// What Spring's test context cache does to a context it pauses, and context.stop()/start() too.
			context.getSourceApplicationContext().stop();
			context.getSourceApplicationContext().start();
			assertThat(context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("after-restart").startSpan())
				.satisfies((span) -> assertThat(span.isRecording()).isTrue());
		});
	}

	@Test
	void spansReachTheExportersAsTheSdkMadeThem() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.withUserConfiguration(InMemoryExport.class)
			.withPropertyValues(SHORT_EXPORT_TIMEOUTS)
			.run((context) -> {
				assertThat(context).getBean(BatchSpanProcessor.class)
					.isSameAs(context.getBean("dynamoBatchSpanProcessor"));
				SpanData span = exportOneSpan(context);
				// Not the copy Micrometer's CompositeSpanExporter makes for span filters (OtelFinishedSpan).
				assertThat(span.getClass().getName()).startsWith("io.opentelemetry.sdk.");
				assertThat(span.getName()).isEqualTo("work");
			});
	}

	@Test
	void anApplicationsSpanFilterGetsBootsProcessorAndFiltersEverySpan() {
		SpanFilter renaming = (span) -> span.setName("filtered-" + span.getName());
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.withUserConfiguration(InMemoryExport.class)
			.withPropertyValues(SHORT_EXPORT_TIMEOUTS)
			.withBean(SpanFilter.class, () -> renaming)
			.run((context) -> {
				assertThat(context).doesNotHaveBean("dynamoBatchSpanProcessor").hasSingleBean(BatchSpanProcessor.class);
				assertThat(exportOneSpan(context).getName()).isEqualTo("filtered-work");
			});
	}

	@Test
	void anApplicationsExportingPredicateGetsBootsProcessor() {
		SpanExportingPredicate none = (span) -> false;
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.withUserConfiguration(InMemoryExport.class)
			.withPropertyValues(SHORT_EXPORT_TIMEOUTS)
			.withBean(SpanExportingPredicate.class, () -> none)
			.run((context) -> {
				assertThat(context).doesNotHaveBean("dynamoBatchSpanProcessor").hasSingleBean(BatchSpanProcessor.class);
				context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan().end();
				context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				assertThat(context.getBean(InMemorySpanExporter.class).getFinishedSpanItems()).isEmpty();
			});
	}

	@Test
	void anApplicationsSpanReporterGetsBootsProcessor() {
		SpanReporter reporter = (span) -> {
		};
		this.contextRunner.withBean(SpanReporter.class, () -> reporter)
			.run((context) -> assertThat(context).doesNotHaveBean("dynamoBatchSpanProcessor")
				.hasSingleBean(BatchSpanProcessor.class));
	}

	@Test
	void anApplicationsOwnBatchSpanProcessorIsKept() {
		BatchSpanProcessor own = BatchSpanProcessor.builder(InMemorySpanExporter.create()).build();
		this.contextRunner.withBean("ownProcessor", BatchSpanProcessor.class, () -> own)
			.run((context) -> assertThat(context).getBean(BatchSpanProcessor.class).isSameAs(own));
	}

	@Test
	void theProcessorTakesBootsExportSettings() {
		// A queue of 2 and no scheduled export: of 5 spans, 3 are refused and counted as queue-full drops.
		this.env.variable("OTEL_EXPORT_ENABLED", "1");
		this.contextRunner.withUserConfiguration(InMemoryExport.class)
			.withPropertyValues(SHORT_EXPORT_TIMEOUTS)
			.withPropertyValues("management.opentelemetry.tracing.export.max-queue-size=2",
					"management.opentelemetry.tracing.export.max-batch-size=2",
					"management.opentelemetry.tracing.export.schedule-delay=1h")
			.run((context) -> {
				assertThat(context.getBean(BatchSpanProcessor.class)).isSameAs(context.getBean("dynamoBatchSpanProcessor"));
				SdkTracerProvider provider = context.getBean(SdkTracerProvider.class);
				ExportFailures failures = context.getBean(ExportFailures.class);
				for (int i = 0; i < 5; i++) {
					provider.get("test").spanBuilder("work-" + i).startSpan().end();
				}
				provider.forceFlush().join(10, TimeUnit.SECONDS);
				List<SpanData> exported = context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
				assertThat(exported.size() + failures.total(ExportFailures.Signal.SPANS, ExportFailures.Reason.QUEUE_FULL)).isEqualTo(5);
				assertThat(failures.total(ExportFailures.Signal.SPANS, ExportFailures.Reason.QUEUE_FULL)).isPositive();
			});
	}

	private static SpanData exportOneSpan(AssertableApplicationContext context) {
		InMemorySpanExporter exporter = context.getBean(InMemorySpanExporter.class);
		exporter.reset();
		context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan().end();
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
		assertThat(exporter.getFinishedSpanItems()).hasSize(1);
		return exporter.getFinishedSpanItems().get(0);
	}

	private String serviceNameOfASpan() {
		String[] name = new String[1];
		this.contextRunner.withUserConfiguration(InMemoryExport.class).run((context) -> {
			context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan().end();
			context.getBean(SdkTracerProvider.class).forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
			List<SpanData> spans = context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
			assertThat(spans).hasSize(1);
			name[0] = spans.get(0).getResource().getAttribute(ServiceName.KEY);
		});
		return name[0];
	}

	private void hasNoOtlpExporter(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed()
			.doesNotHaveBean(OtlpGrpcSpanExporter.class)
			.doesNotHaveBean(OtlpHttpSpanExporter.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class InMemoryExport {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
