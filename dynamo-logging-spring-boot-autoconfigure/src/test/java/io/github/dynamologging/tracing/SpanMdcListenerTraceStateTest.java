package io.github.dynamologging.tracing;

import io.github.dynamologging.tracing.internal.SpanMdcListener;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeClosedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeRestoredEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class SpanMdcListenerTraceStateTest {

	private final SpanMdcListener listener = new SpanMdcListener();

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void aSpanWhoseContextCarriesATraceStateShowsItInHeaderFormAndInOrder() {
		TraceState state = TraceState.builder().put("rojo", "00f067aa0ba902b7").put("congo", "t61rcWkgMzE").build();
		this.listener.onEvent(new ScopeAttachedEvent(Context.root().with(span(state))));
		assertThat(MDC.get("tracestate")).isEqualTo("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
		this.listener.onEvent(new ScopeRestoredEvent(Context.root().with(span(TraceState.getDefault()))));
		assertThat(MDC.get("tracestate")).isNull();
		this.listener.onEvent(new ScopeAttachedEvent(Context.root().with(span(state))));
		this.listener.onEvent(new ScopeClosedEvent());
		assertThat(MDC.get("tracestate")).isNull();
	}

	private static Span span(TraceState state) {
		return Span.wrap(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
				TraceFlags.getSampled(), state));
	}

}
