package io.github.dynamologging.spanevents;

import io.micrometer.tracing.otel.bridge.EventListener;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeAttachedEvent;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeRestoredEvent;
import io.opentelemetry.api.trace.Span;

/**
 * Feeds the scope events that Micrometer's OpenTelemetry bridge publishes for every context attached to
 * a thread into a {@link ScopeTimeTracker}.
 * <p>
 * Each attach is answered by exactly one {@link ScopeRestoredEvent} when its scope closes, so that is the
 * close signal. {@code ScopeClosedEvent} is ignored: {@code OtelTracer.withSpan(null)} publishes one
 * without any attach, which would unbalance the count.
 */
final class ScopeEventListener implements EventListener {

	private final ScopeTimeTracker tracker;

	ScopeEventListener(ScopeTimeTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void onEvent(Object event) {
		if (event instanceof ScopeAttachedEvent attached) {
			Span span = attached.getSpan();
			this.tracker.scopeOpened((span != null) ? span.getSpanContext() : null);
		}
		else if (event instanceof ScopeRestoredEvent) {
			this.tracker.scopeClosed();
		}
	}

}
