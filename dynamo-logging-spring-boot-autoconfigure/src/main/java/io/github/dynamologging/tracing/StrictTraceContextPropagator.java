package io.github.dynamologging.tracing;

import java.util.Collection;
import java.util.List;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * W3C Trace Context to the letter on top of the propagators Spring Boot configured
 * (docs/requests-and-traces.md). OpenTelemetry's W3C propagator checks a {@code traceparent} value
 * correctly but reads only the first header and parses {@code tracestate} leniently; this one shows it
 * the headers as the recommendation reads them: no {@code traceparent} at all when there is more than
 * one (a new trace starts), and one {@code tracestate} combined from every header when the list is
 * valid, none when it is not. Injection is the delegate's: what goes out is what was accepted.
 */
final class StrictTraceContextPropagator implements TextMapPropagator {

	static final String TRACEPARENT = "traceparent";

	static final String TRACESTATE = "tracestate";

	private final TextMapPropagator delegate;

	StrictTraceContextPropagator(TextMapPropagator delegate) {
		this.delegate = delegate;
	}

	@Override
	public Collection<String> fields() {
		return this.delegate.fields();
	}

	@Override
	public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
		this.delegate.inject(context, carrier, setter);
	}

	@Override
	public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
		if (getter == null) {
			return this.delegate.extract(context, carrier, getter);
		}
		List<String> traceparents = CarrierHeaders.all(carrier, getter, TRACEPARENT);
		String traceparent = (traceparents.size() == 1) ? traceparents.get(0) : null;
		String tracestate = (traceparent != null) ? W3cTraceState.accepted(CarrierHeaders.all(carrier, getter, TRACESTATE))
				: null;
		return this.delegate.extract(context, carrier, new TextMapGetter<>() {

			@Override
			public Iterable<String> keys(C keysCarrier) {
				return getter.keys(keysCarrier);
			}

			@Override
			public String get(C getCarrier, String key) {
				if (TRACEPARENT.equalsIgnoreCase(key)) {
					return traceparent;
				}
				if (TRACESTATE.equalsIgnoreCase(key)) {
					return tracestate;
				}
				return getter.get(getCarrier, key);
			}

		});
	}

	@Override
	public String toString() {
		return "StrictTraceContextPropagator{" + this.delegate + "}";
	}

}
