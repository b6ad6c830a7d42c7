package io.github.dynamologging.export;

import io.github.dynamologging.export.ExportFailures.Reason;
import io.github.dynamologging.export.ExportFailures.Signal;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.exporter.SpanReporter;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpGrpcSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.boot.opentelemetry.autoconfigure.ConditionalOnEnabledOpenTelemetry;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingProperties;
import org.springframework.boot.opentelemetry.autoconfigure.logging.SdkLoggerProviderBuilderCustomizer;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpGrpcLogRecordExporterBuilderCustomizer;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpHttpLogRecordExporterBuilderCustomizer;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * OTLP export of spans and log records the Dynamo way (docs/otlp-export.md) on top of Spring Boot's own OTLP
 * tracing and logging auto-configurations, which build the exporters from the properties
 * {@link OtlpExportVariables} sets: the {@code dynamo} service name when nothing names the service, the lines
 * of the application as log records ({@link OtlpLogAppender}), the start line saying what leaves the process,
 * the count and rate-limited warning of what is lost, and one bounded wait for both signals at shutdown.
 */
@AutoConfiguration(before = { OpenTelemetryTracingAutoConfiguration.class, OpenTelemetryLoggingAutoConfiguration.class })
@ConditionalOnClass({ OtelTracer.class, SdkTracerProvider.class, OtlpHttpSpanExporter.class,
		OtlpTracingAutoConfiguration.class, SdkLoggerProvider.class, OpenTelemetryLoggingAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ExportProperties.class)
public class OtlpExportAutoConfiguration {

	/** {@code false}: Boot's own batch processors, which cannot report a full queue ({@link ExportProperties}). */
	static final String OWN_PROCESSORS_PROPERTY = "dynamo.logging.export.own-processors";

	@Bean
	SdkTracerProviderBuilderCustomizer dynamoServiceNameFallback(ObjectProvider<Resource> resource) {
		return (builder) -> ServiceName.fallback(resource.getIfUnique()).ifPresent(builder::addResource);
	}

	@Bean
	@ConditionalOnMissingBean
	ExportFailures dynamoExportFailures() {
		return new ExportFailures();
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

	/** Bounds the last flush of both signals by the export timeout Boot's batch span processor has. */
	@Bean
	ExportShutdown dynamoExportShutdown(ObjectProvider<SdkTracerProvider> tracerProvider,
			ObjectProvider<SdkLoggerProvider> loggerProvider,
			ObjectProvider<OpenTelemetryTracingProperties> properties, ConfigurableApplicationContext context) {
		return new ExportShutdown(tracerProvider::getIfUnique, loggerProvider::getIfUnique,
				() -> properties.getIfAvailable(OpenTelemetryTracingProperties::new).getExport().getTimeout(),
				context::isClosed);
	}

	@Bean
	OtlpExportReport dynamoOtlpExportReport(ObjectProvider<OtlpGrpcSpanExporter> grpcExporters,
			ObjectProvider<OtlpHttpSpanExporter> httpExporters,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails, ObjectProvider<Resource> resource,
			Environment environment, ObjectProvider<OtlpGrpcLogRecordExporter> grpcLogExporters,
			ObjectProvider<OtlpHttpLogRecordExporter> httpLogExporters) {
		return new OtlpExportReport(grpcExporters, httpExporters, connectionDetails, resource, environment,
				() -> OtlpLogConnection.appender() != null
						&& (grpcLogExporters.getIfAvailable() != null || httpLogExporters.getIfAvailable() != null));
	}

	/**
	 * Boot's batch span processor with two differences. Its {@code MeterProvider} is the starter's
	 * {@link QueueFullMeterProvider}, given to this processor only (Boot's would take the application's only
	 * {@code MeterProvider} bean, so the starter would have to publish one): a processor's instrumentation is
	 * the one place that sees a span refused by a full queue. And it hands the exporters the SDK's spans as
	 * they are: Boot's passes them through Micrometer's {@code CompositeSpanExporter}, which copies each one
	 * for span filters, reporters and exporting predicates even when the application has none, and the
	 * exporter then encodes the copy, whose attributes are rebuilt on each read: about 3 us a span in a
	 * profile of the sample app under load. With any of those hooks, a processor of the application's own, or
	 * {@value OtlpExportAutoConfiguration#OWN_PROCESSORS_PROPERTY}{@code =false}, Boot's processor is used.
	 * Same settings ({@code management.opentelemetry.tracing.export.*}) as Boot's; a test fails when Boot's
	 * settings change.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledOpenTelemetry
	@ConditionalOnBooleanProperty(name = OWN_PROCESSORS_PROPERTY, matchIfMissing = true)
	@ConditionalOnMissingBean({ BatchSpanProcessor.class, SpanExportingPredicate.class, SpanReporter.class,
			SpanFilter.class })
	static class CountingBatchSpanProcessor {

		@Bean
		BatchSpanProcessor dynamoBatchSpanProcessor(SpanExporters exporters,
				ObjectProvider<OpenTelemetryTracingProperties> properties, ExportFailures failures) {
			OpenTelemetryTracingProperties.Export export = properties.getIfAvailable(OpenTelemetryTracingProperties::new)
				.getExport();
			return BatchSpanProcessor.builder(SpanExporter.composite(exporters.list()))
				.setExportUnsampledSpans(export.isIncludeUnsampled())
				.setExporterTimeout(export.getTimeout())
				.setMaxExportBatchSize(export.getMaxBatchSize())
				.setMaxQueueSize(export.getMaxQueueSize())
				.setScheduleDelay(export.getScheduleDelay())
				.setMeterProvider(new QueueFullMeterProvider(failures, Signal.SPANS))
				.build();
		}

	}

	/**
	 * Boot's OTLP exporters load only senders that can run, and of several OkHttp's ({@link RunnableSenderLoader}),
	 * so an application that excludes OkHttp still exports over http/protobuf through the JDK's HttpClient.
	 * First in order: an application's own customizer that sets a loader comes after and wins.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Senders {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		OtlpHttpSpanExporterBuilderCustomizer dynamoHttpSpanSender() {
			return (builder) -> builder.setComponentLoader(loader());
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		OtlpGrpcSpanExporterBuilderCustomizer dynamoGrpcSpanSender() {
			return (builder) -> builder.setComponentLoader(loader());
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		OtlpHttpLogRecordExporterBuilderCustomizer dynamoHttpLogSender() {
			return (builder) -> builder.setComponentLoader(loader());
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		OtlpGrpcLogRecordExporterBuilderCustomizer dynamoGrpcLogSender() {
			return (builder) -> builder.setComponentLoader(loader());
		}

		private static RunnableSenderLoader loader() {
			return RunnableSenderLoader.of(OtlpHttpSpanExporter.class.getClassLoader());
		}

	}

	/** Log export: the appender's connection, and the logs' side of the service name. */
	@Configuration(proxyBeanMethods = false)
	static class LogExport {

		@Bean
		SdkLoggerProviderBuilderCustomizer dynamoLogsServiceNameFallback(ObjectProvider<Resource> resource) {
			return (builder) -> ServiceName.fallback(resource.getIfUnique()).ifPresent(builder::addResource);
		}

		@Bean
		OtlpLogConnection dynamoOtlpLogConnection(ObjectProvider<SdkLoggerProvider> provider,
				ObjectProvider<OtlpGrpcLogRecordExporter> grpcExporters,
				ObjectProvider<OtlpHttpLogRecordExporter> httpExporters, ExportFailures failures) {
			boolean exporting = grpcExporters.getIfAvailable() != null || httpExporters.getIfAvailable() != null;
			return new OtlpLogConnection(provider.getIfUnique(), exporting, failures);
		}

	}

	/**
	 * Boot's batch log record processor, with the starter's {@link QueueFullMeterProvider} and each exporter's
	 * losses counted; the same trade as {@link CountingBatchSpanProcessor}, for the same reason (Boot gives
	 * its log processor no {@code MeterProvider} at all).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledOpenTelemetry
	@ConditionalOnBooleanProperty(name = OWN_PROCESSORS_PROPERTY, matchIfMissing = true)
	@ConditionalOnMissingBean(BatchLogRecordProcessor.class)
	static class CountingBatchLogRecordProcessor {

		@Bean
		BatchLogRecordProcessor dynamoBatchLogRecordProcessor(ObjectProvider<LogRecordExporter> exporters,
				ObjectProvider<OpenTelemetryLoggingProperties> properties,
				ObjectProvider<OtlpLoggingConnectionDetails> connectionDetails, ExportFailures failures) {
			OpenTelemetryLoggingProperties.Export export = properties.getIfAvailable(OpenTelemetryLoggingProperties::new)
				.getExport();
			OtlpLoggingConnectionDetails details = connectionDetails.getIfUnique();
			LogRecordExporter exporter = LogRecordExporter.composite(exporters.orderedStream()
				.map((each) -> (LogRecordExporter) new FailureCountingLogRecordExporter(each, endpoint(each, details),
						failures))
				.toList());
			return BatchLogRecordProcessor.builder(exporter)
				.setExporterTimeout(export.getTimeout())
				.setMaxQueueSize(export.getMaxQueueSize())
				.setScheduleDelay(export.getScheduleDelay())
				.setMaxExportBatchSize(export.getMaxBatchSize())
				.setMeterProvider(new QueueFullMeterProvider(failures, Signal.LOGS))
				.build();
		}

		private static String endpoint(LogRecordExporter exporter, OtlpLoggingConnectionDetails details) {
			if (details != null && exporter instanceof OtlpGrpcLogRecordExporter) {
				return details.getUrl(org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.Transport.GRPC);
			}
			if (details != null && exporter instanceof OtlpHttpLogRecordExporter) {
				return details.getUrl(org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.Transport.HTTP);
			}
			return exporter.getClass().getName();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class DroppedMetrics {

		@Bean
		MeterBinder dynamoDroppedSpansMetric(ExportFailures failures) {
			return (registry) -> {
				for (Signal signal : Signal.values()) {
					for (Reason reason : Reason.values()) {
						if (signal == Signal.SPANS && reason == Reason.STARTUP_BUFFER_FULL) {
							continue;
						}
						FunctionCounter.builder(signal.metric(), failures, (counted) -> counted.total(signal, reason))
							.description("Spans or log records that never reached the OTLP collector: their export "
									+ "failed (export-failed), the export queue was full (queue-full) or, for log "
									+ "records, the start-up buffer was (startup-buffer-full)")
							.tag(ExportFailures.REASON_TAG, reason.tag())
							.register(registry);
					}
				}
			};
		}

	}

}
