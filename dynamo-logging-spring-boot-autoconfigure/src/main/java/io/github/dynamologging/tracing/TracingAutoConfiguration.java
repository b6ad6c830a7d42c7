package io.github.dynamologging.tracing;

import io.github.dynamologging.tracing.internal.SpanMdcListener;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.opentelemetry.sdk.trace.ReadableSpan;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Dynamo's trace keys in every line logged inside a span, and Dynamo's names for HTTP spans. Runs before Spring Boot's OpenTelemetry
 * tracing configuration so that Boot's own MDC listener backs off.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({ OtelTracer.class, ReadableSpan.class })
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SpanNamesProperties.class)
public class TracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(Slf4JEventListener.class)
	SpanMdcListener dynamoSpanMdcListener() {
		return new SpanMdcListener();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "dynamo.logging.tracing.span-names", havingValue = "dynamo", matchIfMissing = true)
	DynamoSpanNames dynamoSpanNames() {
		return new DynamoSpanNames();
	}

	/** Static: a post-processor must not pull this configuration in early. */
	@Bean
	static StrictTraceContextPostProcessor dynamoStrictTraceContextPostProcessor() {
		return new StrictTraceContextPostProcessor();
	}

}
