package io.github.dynamologging.spanevents;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.EventPublishingContextWrapper.ScopeClosedEvent;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scope events from Micrometer's tracer, delivered as Boot delivers them, timed on a clock the test sets.
 */
class ScopeEventListenerTest {

	private final AtomicLong now = new AtomicLong();

	private final ScopeTimeTracker scopes = new ScopeTimeTracker(this.now::get,
			ScopeTimeTracker.DEFAULT_MAX_TRACKED_SPANS);

	private final ScopeEventListener listener = new ScopeEventListener(this.scopes);

	private final MicrometerOtelTracing tracing = new MicrometerOtelTracing(List.of(), this.listener);

	private final Tracer tracer = this.tracing.tracer();

	@AfterEach
	void close() {
		this.tracing.close();
		MDC.clear();
	}

	@Test
	void theSpansScopeIsTimedFromAttachToClose() {
		Span span = startTrackedSpan();
		this.now.addAndGet(10);
		try (Tracer.SpanInScope scope = this.tracer.withSpan(OtelSpan.fromOtel(span))) {
			this.now.addAndGet(7);
		}
		this.now.addAndGet(100);
		assertThat(endTrackedSpan(span)).isEqualTo(7);
	}

	@Test
	void aResetScopeInsideTheSpansScopeLeavesItsScopeOpen() {
		Span span = startTrackedSpan();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(OtelSpan.fromOtel(span))) {
			this.now.addAndGet(3);
			// Publishes a ScopeClosedEvent that no attach preceded, then attaches and closes an empty scope.
			try (Tracer.SpanInScope reset = this.tracer.withSpan(null)) {
				this.now.addAndGet(4);
			}
			this.now.addAndGet(5);
		}
		this.now.addAndGet(100);
		assertThat(endTrackedSpan(span)).isEqualTo(12);
	}

	@Test
	void aClosedEventAloneClosesNothing() {
		Span span = startTrackedSpan();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(OtelSpan.fromOtel(span))) {
			this.listener.onEvent(new ScopeClosedEvent());
			this.now.addAndGet(6);
		}
		assertThat(endTrackedSpan(span)).isEqualTo(6);
	}

	private Span startTrackedSpan() {
		Span span = this.tracing.otelTracer().spanBuilder("handle_payload").startSpan();
		this.scopes.spanStarted(span.getSpanContext());
		return span;
	}

	private long endTrackedSpan(Span span) {
		span.end();
		return this.scopes.spanEnded(((ReadableSpan) span).getSpanContext());
	}

}
