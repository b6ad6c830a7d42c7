package io.github.dynamologging.tracing.internal;

import io.github.dynamologging.format.internal.FieldNames;
import io.github.dynamologging.tracing.internal.SpanNames;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeClosedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeRestoredEvent;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.ReadableSpan;
import org.slf4j.MDC;

/**
 * Puts the span in scope into the MDC: {@code traceId} and {@code spanId} under the names Micrometer and
 * Spring Boot use, so every other appender ({@code %X{traceId}}, {@code %correlationId}, Boot's structured
 * formats) shows them as it would without the starter, plus {@code parent_id} (when the span has a parent)
 * and {@code span_name} for Dynamo's lines, whose encoders write the first two as {@code trace_id} and
 * {@code span_id}; and {@code tracestate}, the W3C vendor state in its header form, while the span context
 * carries one (docs/requests-and-traces.md). All are removed when the scope closes; outside a valid span
 * none is there.
 * <p>
 * It takes the place of Micrometer's {@link Slf4JEventListener}, which writes only the first two (and
 * writes them even for an invalid span); extending it is what makes Spring Boot back off from
 * registering that one.
 *
 * Not API: may change in any release.
 */
public class SpanMdcListener extends Slf4JEventListener {

	/** The MDC key of the span context's W3C {@code tracestate}, and the line's field. */
	public static final String TRACESTATE = "tracestate";

	@Override
	public void onEvent(Object event) {
		if (event instanceof ScopeAttachedEvent attached) {
			put(attached.getSpan());
		}
		else if (event instanceof ScopeRestoredEvent restored) {
			put(restored.getSpan());
		}
		else if (event instanceof ScopeClosedEvent) {
			clear();
		}
	}

	private static void put(Span span) {
		SpanContext context = (span != null) ? span.getSpanContext() : SpanContext.getInvalid();
		if (!context.isValid()) {
			clear();
			return;
		}
		MDC.put(FieldNames.MDC_TRACE_ID, context.getTraceId());
		MDC.put(FieldNames.MDC_SPAN_ID, context.getSpanId());
		TraceState state = context.getTraceState();
		if (state.isEmpty()) {
			MDC.remove(TRACESTATE);
		}
		else {
			MDC.put(TRACESTATE, headerValue(state));
		}
		if (span instanceof ReadableSpan readable) {
			MDC.put(FieldNames.SPAN_NAME, SpanNames.shown(readable));
			SpanContext parent = readable.getParentSpanContext();
			if (parent.isValid()) {
				MDC.put(FieldNames.PARENT_ID, parent.getSpanId());
			}
			else {
				MDC.remove(FieldNames.PARENT_ID);
			}
		}
		else {
			MDC.remove(FieldNames.SPAN_NAME);
			MDC.remove(FieldNames.PARENT_ID);
		}
	}

	private static void clear() {
		MDC.remove(FieldNames.MDC_TRACE_ID);
		MDC.remove(FieldNames.MDC_SPAN_ID);
		MDC.remove(FieldNames.PARENT_ID);
		MDC.remove(FieldNames.SPAN_NAME);
		MDC.remove(TRACESTATE);
	}

	/** The state as the {@code tracestate} header writes it: members in order, comma-separated. */
	static String headerValue(TraceState state) {
		StringBuilder value = new StringBuilder();
		state.forEach((key, memberValue) -> {
			if (value.length() > 0) {
				value.append(',');
			}
			value.append(key).append('=').append(memberValue);
		});
		return value.toString();
	}

}
