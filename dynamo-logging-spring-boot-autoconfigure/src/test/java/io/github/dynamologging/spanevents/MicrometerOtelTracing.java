package io.github.dynamologging.spanevents;

import java.util.List;

import io.micrometer.tracing.otel.bridge.EventListener;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.otel.bridge.OtelTracer.EventPublisher;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryEventPublisherBeansApplicationListener;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Micrometer's {@link OtelTracer} over a real SDK tracer provider, wired as Boot wires it: scope events
 * reach the listeners (after Micrometer's own MDC listener) through Boot's global context-storage
 * wrapper, which serves the {@link EventPublisher} beans of refreshed application contexts.
 */
final class MicrometerOtelTracing implements AutoCloseable {

	private final SdkTracerProvider tracerProvider;

	private final GenericApplicationContext eventPublisherBeans = new GenericApplicationContext();

	private final OtelTracer tracer;

	MicrometerOtelTracing(List<SpanProcessor> processors, EventListener listener) {
		SdkTracerProviderBuilder builder = SdkTracerProvider.builder();
		processors.forEach(builder::addSpanProcessor);
		this.tracerProvider = builder.build();
		List<EventListener> listeners = List.of(new Slf4JEventListener(), listener);
		EventPublisher publisher = (event) -> listeners.forEach((each) -> each.onEvent(event));
		OpenTelemetryEventPublisherBeansApplicationListener.addWrapper();
		this.eventPublisherBeans.registerBean(EventPublisher.class, () -> publisher);
		this.eventPublisherBeans.addApplicationListener(new OpenTelemetryEventPublisherBeansApplicationListener());
		this.eventPublisherBeans.refresh();
		this.tracer = new OtelTracer(this.tracerProvider.get("test"), new OtelCurrentTraceContext(), publisher);
	}

	OtelTracer tracer() {
		return this.tracer;
	}

	/** The same provider's OpenTelemetry API tracer, for spans the test starts itself. */
	io.opentelemetry.api.trace.Tracer otelTracer() {
		return this.tracerProvider.get("test");
	}

	@Override
	public void close() {
		this.eventPublisherBeans.close();
		this.tracerProvider.close();
	}

}
