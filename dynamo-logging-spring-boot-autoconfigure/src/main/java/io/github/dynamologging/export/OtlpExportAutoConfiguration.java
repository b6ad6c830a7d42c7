package io.github.dynamologging.export;

import io.github.dynamologging.export.ExportFailures.Reason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.exporter.SpanReporter;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessorBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.boot.opentelemetry.autoconfigure.ConditionalOnEnabledOpenTelemetry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OTLP span export the Dynamo way (SPEC 7) on top of Spring Boot's own OTLP tracing auto-configuration,
 * which builds the exporter from the properties {@link OtlpExportVariables} sets: the {@code dynamo}
 * service name when nothing names the service, the start line saying whether spans leave the process, and
 * the count and rate-limited warning of spans lost to failed exports or to a full export queue.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ OtelTracer.class, SdkTracerProvider.class, OtlpHttpSpanExporter.class,
		OtlpTracingAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
public class OtlpExportAutoConfiguration {

	@Bean
	SdkTracerProviderBuilderCustomizer dynamoServiceNameFallback(ObjectProvider<Resource> resource) {
		return (builder) -> {
			Resource current = resource.getIfUnique();
			if (current != null && ServiceName.needsFallback(current)) {
				builder.addResource(Resource.builder().put(ServiceName.KEY, ServiceName.FALLBACK).build());
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	ExportFailures dynamoExportFailures() {
		return new ExportFailures();
	}

	/**
	 * Boot gives the application's only OpenTelemetry {@link MeterProvider} to its batch span processor (and
	 * to the exporters, whose instruments this one ignores); an application that has its own keeps it, and
	 * the processor reports queue-full drops there instead.
	 */
	@Bean
	@ConditionalOnMissingBean(MeterProvider.class)
	MeterProvider dynamoQueueFullMeterProvider(ExportFailures failures) {
		return new QueueFullMeterProvider(failures);
	}

	/** Takes the place of Boot's own (which backs off), with each exporter's losses counted. */
	@Bean
	@ConditionalOnMissingBean
	SpanExporters dynamoSpanExporters(ObjectProvider<SpanExporter> exporters, ExportFailures failures,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails) {
		OtlpTracingConnectionDetails details = connectionDetails.getIfUnique();
		return SpanExporters.of(exporters.orderedStream()
			.map((exporter) -> (SpanExporter) new FailureCountingSpanExporter(exporter, endpoint(exporter, details),
					failures))
			.toList());
	}

	/** Where an exporter sends spans, as far as the context knows, for the warning line. */
	private static String endpoint(SpanExporter exporter, OtlpTracingConnectionDetails details) {
		if (details != null && exporter instanceof OtlpGrpcSpanExporter) {
			return details.getUrl(Transport.GRPC);
		}
		if (details != null && exporter instanceof OtlpHttpSpanExporter) {
			return details.getUrl(Transport.HTTP);
		}
		return exporter.getClass().getName();
	}

	/** Bounds the last flush by the export timeout Boot's batch span processor has. */
	@Bean
	TracerShutdown dynamoTracerShutdown(ObjectProvider<SdkTracerProvider> tracerProvider,
			ObjectProvider<OpenTelemetryTracingProperties> properties, ConfigurableApplicationContext context) {
		return new TracerShutdown(tracerProvider::getIfUnique,
				() -> properties.getIfAvailable(OpenTelemetryTracingProperties::new).getExport().getTimeout(),
				context::isClosed);
	}

	@Bean
	OtlpExportReport dynamoOtlpExportReport(ObjectProvider<OtlpGrpcSpanExporter> grpcExporters,
			ObjectProvider<OtlpHttpSpanExporter> httpExporters,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails, ObjectProvider<Resource> resource) {
		return new OtlpExportReport(grpcExporters, httpExporters, connectionDetails, resource);
	}

	/**
	 * Boot's batch span processor without a copy of every span. Boot hands spans to the exporters through
	 * Micrometer's {@code CompositeSpanExporter}, which copies each one into a mutable span for span
	 * filters, reporters and exporting predicates, even when the application has none; the exporter then
	 * encodes the copy, whose attributes are rebuilt on each read: about 3 us a span in a profile of the
	 * sample app under load. With none of those hooks this processor hands the exporters the SDK's spans as
	 * they are; with any of them (or a processor of the application's own) Boot's processor is used. Same
	 * settings ({@code management.opentelemetry.tracing.export.*}) and meter provider as Boot's.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledOpenTelemetry
	@ConditionalOnMissingBean({ BatchSpanProcessor.class, SpanExportingPredicate.class, SpanReporter.class,
			SpanFilter.class })
	static class DirectBatchSpanProcessor {

		@Bean
		BatchSpanProcessor dynamoBatchSpanProcessor(SpanExporters exporters,
				ObjectProvider<OpenTelemetryTracingProperties> properties, ObjectProvider<MeterProvider> meterProvider) {
			OpenTelemetryTracingProperties.Export export = properties.getIfAvailable(OpenTelemetryTracingProperties::new)
				.getExport();
			BatchSpanProcessorBuilder builder = BatchSpanProcessor.builder(SpanExporter.composite(exporters.list()))
				.setExportUnsampledSpans(export.isIncludeUnsampled())
				.setExporterTimeout(export.getTimeout())
				.setMaxExportBatchSize(export.getMaxBatchSize())
				.setMaxQueueSize(export.getMaxQueueSize())
				.setScheduleDelay(export.getScheduleDelay());
			meterProvider.ifAvailable(builder::setMeterProvider);
			return builder.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class DroppedSpansMetric {

		@Bean
		MeterBinder dynamoDroppedSpansMetric(ExportFailures failures) {
			return (registry) -> {
				for (Reason reason : Reason.values()) {
					FunctionCounter.builder(ExportFailures.METRIC, failures, (counted) -> counted.total(reason))
						.description("Spans that never reached the OTLP collector: their export failed "
								+ "(export-failed) or the export queue was full when they ended (queue-full)")
						.baseUnit("spans")
						.tag(ExportFailures.REASON_TAG, reason.tag())
						.register(registry);
				}
			};
		}

	}

}
