package io.github.dynamologging.request;

import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

/**
 * Adds the request id to the server observation when it stops, so the request's span carries the
 * attribute {@code x_request_id} (SPEC 5). Each web stack says which observation context is its server
 * request and where its adapter keeps the id.
 */
class RequestIdObservationFilter<C extends Observation.Context> implements ObservationFilter {

	private final Class<C> serverContextType;

	private final Function<C, Object> requestId;

	RequestIdObservationFilter(Class<C> serverContextType, Function<C, Object> requestId) {
		this.serverContextType = serverContextType;
		this.requestId = requestId;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (this.serverContextType.isInstance(context)
				&& this.requestId.apply(this.serverContextType.cast(context)) instanceof String id) {
			context.addHighCardinalityKeyValue(KeyValue.of(RequestId.MDC_KEY, id));
		}
		return context;
	}

}
