package io.github.dynamologging.tracing;

import io.micrometer.tracing.otel.bridge.EventListener;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeClosedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeRestoredEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.TraceState;
import org.slf4j.MDC;

/**
 * Puts the W3C {@code tracestate} of the span in scope into the MDC as {@code tracestate} (in its header
 * form, {@code key=value,key=value}) while the span context carries one, so lines show the vendor state
 * the trace arrived with (docs/requests-and-traces.md). Runs beside the listener that writes the trace
 * ids; Spring Boot hands every {@link EventListener} bean the bridge's scope events.
 */
public class TraceStateMdcListener implements EventListener {

	/** The MDC key, and the line's field. */
	public static final String KEY = "tracestate";

	@Override
	public void onEvent(Object event) {
		if (event instanceof ScopeAttachedEvent attached) {
			put(attached.getSpan());
		}
		else if (event instanceof ScopeRestoredEvent restored) {
			put(restored.getSpan());
		}
		else if (event instanceof ScopeClosedEvent) {
			MDC.remove(KEY);
		}
	}

	private static void put(Span span) {
		TraceState state = (span != null) ? span.getSpanContext().getTraceState() : TraceState.getDefault();
		if (state.isEmpty()) {
			MDC.remove(KEY);
		}
		else {
			MDC.put(KEY, headerValue(state));
		}
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
