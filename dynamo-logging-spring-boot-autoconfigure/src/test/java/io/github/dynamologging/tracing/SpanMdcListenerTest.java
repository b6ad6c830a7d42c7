package io.github.dynamologging.tracing;

import io.github.dynamologging.tracing.internal.SpanMdcListener;
import io.github.dynamologging.tracing.internal.SpanNames;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeClosedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeRestoredEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real spans of the OpenTelemetry SDK, handed to the listener in the scope events Micrometer's bridge
 * publishes (the publishing itself is the bridge's; the Spring Boot tests cover it end to end).
 */
class SpanMdcListenerTest {

	private final SdkTracerProvider provider = SdkTracerProvider.builder().build();

	private final Tracer tracer = this.provider.get("test");

	private final SpanMdcListener listener = new SpanMdcListener();

	@AfterEach
	void close() {
		this.provider.close();
		MDC.clear();
	}

	@Test
	void putsMicrometersIdKeysAndDynamosSpanKeysForTheSpanInScopeAndRestoresTheParentsAfterwards() {
		Span parent = this.tracer.spanBuilder("parent").startSpan();
		Context parentContext = Context.root().with(parent);
		this.listener.onEvent(new ScopeAttachedEvent(parentContext));
		assertThat(MDC.get("span_name")).isEqualTo("parent");
		assertThat(MDC.get("traceId")).isEqualTo(parent.getSpanContext().getTraceId());
		assertThat(MDC.get("spanId")).isEqualTo(parent.getSpanContext().getSpanId());
		assertThat(MDC.get("parent_id")).isNull();
		assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys("trace_id", "span_id");

		Span child = this.tracer.spanBuilder("child").setParent(parentContext).startSpan();
		this.listener.onEvent(new ScopeAttachedEvent(parentContext.with(child)));
		assertThat(MDC.get("span_name")).isEqualTo("child");
		assertThat(MDC.get("spanId")).isEqualTo(child.getSpanContext().getSpanId());
		assertThat(MDC.get("parent_id")).isEqualTo(parent.getSpanContext().getSpanId());

		this.listener.onEvent(new ScopeRestoredEvent(parentContext));
		assertThat(MDC.get("span_name")).isEqualTo("parent");
		assertThat(MDC.get("parent_id")).isNull();

		this.listener.onEvent(new ScopeClosedEvent());
		assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys("trace_id", "span_id", "parent_id", "span_name",
				"traceId", "spanId");
	}

	@Test
	void restoringAContextWithoutASpanClearsTheKeys() {
		this.listener.onEvent(new ScopeAttachedEvent(Context.root().with(this.tracer.spanBuilder("x").startSpan())));
		this.listener.onEvent(new ScopeRestoredEvent(Context.root()));
		assertThat(MDC.get("traceId")).isNull();
		assertThat(MDC.get("span_name")).isNull();
	}

	@Test
	void unnamedHttpSpansShowDynamosName() {
		Span server = this.tracer.spanBuilder(SpanNames.UNNAMED).setSpanKind(SpanKind.SERVER).startSpan();
		this.listener.onEvent(new ScopeAttachedEvent(Context.root().with(server)));
		assertThat(MDC.get("span_name")).isEqualTo("http-request");
		Span internal = this.tracer.spanBuilder("work").setSpanKind(SpanKind.INTERNAL).startSpan();
		this.listener.onEvent(new ScopeAttachedEvent(Context.root().with(internal)));
		assertThat(MDC.get("span_name")).isEqualTo("work");
	}

}
