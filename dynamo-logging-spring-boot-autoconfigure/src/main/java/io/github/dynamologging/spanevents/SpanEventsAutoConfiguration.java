package io.github.dynamologging.spanevents;

import io.micrometer.tracing.otel.bridge.EventListener;
import io.opentelemetry.sdk.trace.SpanProcessor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Span lifecycle lines (docs/requests-and-traces.md) when {@code dynamo.logging.span-events=true}: a {@link SpanProcessor}
 * bean, which Boot's tracer provider picks up with every other one, and, with Micrometer's OpenTelemetry
 * bridge, an {@link EventListener} bean that Boot hands the scope events to, which is how busy time is
 * known. Without the bridge every span reports busy = duration.
 */
@AutoConfiguration(after = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass(SpanProcessor.class)
@ConditionalOnBooleanProperty("dynamo.logging.span-events")
@EnableConfigurationProperties(SpanEventsProperties.class)
public final class SpanEventsAutoConfiguration {

	@Bean
	ScopeTimeTracker dynamoSpanScopeTimes() {
		return new ScopeTimeTracker();
	}

	@Bean
	SpanEventsProcessor dynamoSpanEventsProcessor(ScopeTimeTracker dynamoSpanScopeTimes) {
		return new SpanEventsProcessor(dynamoSpanScopeTimes);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EventListener.class)
	static final class ScopeEventsConfiguration {

		@Bean
		ScopeEventListener dynamoSpanScopeEventListener(ScopeTimeTracker dynamoSpanScopeTimes) {
			return new ScopeEventListener(dynamoSpanScopeTimes);
		}

	}

}
