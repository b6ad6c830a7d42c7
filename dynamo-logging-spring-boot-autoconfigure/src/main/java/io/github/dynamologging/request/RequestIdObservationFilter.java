package io.github.dynamologging.request;

import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

/**
 * Adds the request ids to the server observation when it stops, so the request's span carries the
 * attributes {@code x_request_id} and {@code request_id} (docs/requests-and-traces.md). Each web stack
 * says which observation context is its server request and where its adapter keeps the fields.
 */
class RequestIdObservationFilter<C extends Observation.Context> implements ObservationFilter {

	private final Class<C> serverContextType;

	private final Function<C, RequestFields> requestFields;

	RequestIdObservationFilter(Class<C> serverContextType, Function<C, RequestFields> requestFields) {
		this.serverContextType = serverContextType;
		this.requestFields = requestFields;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (this.serverContextType.isInstance(context)) {
			RequestFields fields = this.requestFields.apply(this.serverContextType.cast(context));
			if (fields != null) {
				context.addHighCardinalityKeyValue(KeyValue.of(RequestId.MDC_KEY, fields.xRequestId()));
				if (fields.requestId() != null) {
					context.addHighCardinalityKeyValue(KeyValue.of(RequestFields.REQUEST_ID, fields.requestId()));
				}
			}
		}
		return context;
	}

}
