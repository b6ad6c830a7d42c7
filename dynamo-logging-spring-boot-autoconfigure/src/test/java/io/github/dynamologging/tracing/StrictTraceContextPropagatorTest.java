package io.github.dynamologging.tracing;

import java.util.List;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the web stacks' integration tests cannot reach: carriers of other kinds, and OpenTelemetry's limits. */
class StrictTraceContextPropagatorTest {

	private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public String get(Map<String, String> carrier, String key) {
			return carrier.get(key);
		}

	};

	private final StrictTraceContextPropagator propagator = new StrictTraceContextPropagator(
			W3CTraceContextPropagator.getInstance());

	@Test
	void aCarrierOfAnotherKindIsReadThroughItsGetterWithTheSameListRules() {
		SpanContext kept = extract(Map.of("traceparent", TRACEPARENT, "tracestate", " foo=1,,bar=2 "));
		assertThat(kept.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(kept.getTraceState().asMap()).containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"));
		SpanContext dropped = extract(Map.of("traceparent", TRACEPARENT, "tracestate", "foo=1,foo=2"));
		assertThat(dropped.isValid()).isTrue();
		assertThat(dropped.getTraceState().isEmpty()).isTrue();
	}

	@Test
	void multiTenantKeysMayReachTheGrammarsLimitsAndNotBeyond() {
		assertThat(W3cTraceState.accepted(List.of("t".repeat(241) + "@" + "v".repeat(14) + "=1"))).isNotNull();
		assertThat(W3cTraceState.accepted(List.of("t".repeat(242) + "@v=1"))).isNull();
		assertThat(W3cTraceState.accepted(List.of("t@" + "v".repeat(15) + "=1"))).isNull();
	}

	private SpanContext extract(Map<String, String> carrier) {
		return Span.fromContext(this.propagator.extract(Context.root(), carrier, MAP)).getSpanContext();
	}

}
