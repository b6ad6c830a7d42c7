package io.github.dynamologging.spanevents;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.EventListener;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryEventPublisherBeansApplicationListener;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SpanEventsAutoConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpanEventsAutoConfiguration.class));

	@Test
	void offUnlessTheSpanEventsPropertyIsTrue() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SpanEventsProcessor.class)
			.doesNotHaveBean(ScopeEventListener.class)
			.doesNotHaveBean(SpanEventsProperties.class));
		this.contextRunner.withPropertyValues("dynamo.logging.span-events=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpanEventsProcessor.class)
				.doesNotHaveBean(ScopeEventListener.class));
	}

	@Test
	void onWithThePropertyAndTheSdk() {
		this.contextRunner.withPropertyValues("dynamo.logging.span-events=true").run((context) -> {
			assertThat(context).hasSingleBean(SpanEventsProcessor.class).hasSingleBean(ScopeEventListener.class);
			assertThat(context.getBean(SpanEventsProperties.class).isSpanEvents()).isTrue();
		});
	}

	@Test
	void offWithoutTheOpenTelemetrySdk() {
		this.contextRunner.withPropertyValues("dynamo.logging.span-events=true")
			.withClassLoader(new FilteredClassLoader(SpanProcessor.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpanEventsProcessor.class)
				.doesNotHaveBean(ScopeEventListener.class));
	}

	@Test
	void withoutMicrometersBridgeSpansAreLoggedWithoutScopeEvents() {
		this.contextRunner.withPropertyValues("dynamo.logging.span-events=true")
			.withClassLoader(new FilteredClassLoader(EventListener.class))
			.run((context) -> assertThat(context).hasSingleBean(SpanEventsProcessor.class)
				.doesNotHaveBean(ScopeEventListener.class));
	}

	@Test
	void aSpanOfBootsMicrometerTracerLogsBothLinesWithItsTimeInScope() throws InterruptedException {
		try (SpanLineCapture capture = SpanLineCapture.boundContext()) {
			this.contextRunner
				.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
						OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class))
				// What Boot registers through spring.factories: scope events for the EventPublisher bean.
				.withInitializer((context) -> context
					.addApplicationListener(new OpenTelemetryEventPublisherBeansApplicationListener()))
				.withPropertyValues("dynamo.logging.span-events=true", "management.tracing.sampling.probability=1.0")
				.run((context) -> {
					Tracer tracer = context.getBean(Tracer.class);
					Span span = tracer.spanBuilder().name("http-request").tag("method", "POST").start();
					try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
						Thread.sleep(2);
					}
					Thread.sleep(20);
					span.end();

					JsonNode first = capture.line(SpanEventsProcessor.SPAN_FIRST_ENTRY, span.context().spanId());
					JsonNode closed = capture.line(SpanEventsProcessor.SPAN_CLOSED, span.context().spanId());
					for (JsonNode line : new JsonNode[] { first, closed }) {
						assertThat(line.get("trace_id").asString()).isEqualTo(span.context().traceId());
						assertThat(line.get("span_name").asString()).isEqualTo("http-request");
						assertThat(line.get("method").asString()).isEqualTo("POST");
					}
					long busy = closed.get("time.busy_us").asLong();
					long idle = closed.get("time.idle_us").asLong();
					assertThat(idle).isPositive();
					assertThat(busy + idle).isEqualTo(closed.get("time.duration_us").asLong());
				});
		}
	}

}
