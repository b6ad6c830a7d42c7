package io.github.dynamologging.export;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OTLP span export the Dynamo way (SPEC 7) on top of Spring Boot's own OTLP tracing auto-configuration,
 * which builds the exporter from the properties {@link OtlpExportVariables} sets: the {@code dynamo}
 * service name when nothing names the service, the start line saying whether spans leave the process, and
 * the count and rate-limited warning of spans lost to failed exports.
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
	ExportFailures dynamoExportFailures() {
		return new ExportFailures();
	}

	/** Takes the place of Boot's own (which backs off), with each exporter's losses counted. */
	@Bean
	@ConditionalOnMissingBean
	SpanExporters dynamoSpanExporters(ObjectProvider<SpanExporter> exporters, ExportFailures failures) {
		return SpanExporters.of(exporters.orderedStream()
			.map((exporter) -> (SpanExporter) new FailureCountingSpanExporter(exporter, failures))
			.toList());
	}

	@Bean
	OtlpExportReport dynamoOtlpExportReport(ObjectProvider<OtlpGrpcSpanExporter> grpcExporters,
			ObjectProvider<OtlpHttpSpanExporter> httpExporters,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails, ObjectProvider<Resource> resource) {
		return new OtlpExportReport(grpcExporters, httpExporters, connectionDetails, resource);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class DroppedSpansMetric {

		@Bean
		MeterBinder dynamoDroppedSpansMetric(ExportFailures failures) {
			return (registry) -> FunctionCounter.builder(ExportFailures.METRIC, failures, ExportFailures::total)
				.description("Spans lost because their OTLP export failed")
				.baseUnit("spans")
				.register(registry);
		}

	}

}
