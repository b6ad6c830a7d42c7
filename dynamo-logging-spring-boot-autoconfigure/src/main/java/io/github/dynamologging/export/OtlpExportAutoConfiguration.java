package io.github.dynamologging.export;

import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * OTLP span export the Dynamo way (SPEC 7) on top of Spring Boot's own OTLP tracing auto-configuration,
 * which builds the exporter from the properties {@link OtlpExportVariables} sets: the {@code dynamo}
 * service name when nothing names the service, and the start line saying whether spans leave the process.
 */
@AutoConfiguration(after = OtlpTracingAutoConfiguration.class)
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
	OtlpExportReport dynamoOtlpExportReport(ObjectProvider<OtlpGrpcSpanExporter> grpcExporters,
			ObjectProvider<OtlpHttpSpanExporter> httpExporters,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails, ObjectProvider<Resource> resource) {
		return new OtlpExportReport(grpcExporters, httpExporters, connectionDetails, resource);
	}

}
