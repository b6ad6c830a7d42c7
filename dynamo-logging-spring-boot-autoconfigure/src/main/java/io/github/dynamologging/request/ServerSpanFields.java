package io.github.dynamologging.request;

import java.util.Map;

import io.micrometer.observation.Observation;

import org.springframework.util.ClassUtils;

/**
 * The trace keys of a server request's span ({@code trace_id}, {@code span_id}, {@code parent_id},
 * {@code span_name}), read from its observation, for lines written when the span is no longer in scope:
 * the access line and the container's line for an unhandled exception. Empty when tracing is absent.
 */
@FunctionalInterface
interface ServerSpanFields {

	ServerSpanFields NONE = (context) -> Map.of();

	/** The keys of the span of this server observation; empty when there is none. */
	Map<String, String> of(Observation.Context observation);

	/** Reads spans through Micrometer Tracing when it is on the class path. */
	static ServerSpanFields fromTracing() {
		ClassLoader loader = ServerSpanFields.class.getClassLoader();
		if (ClassUtils.isPresent("io.micrometer.tracing.handler.TracingObservationHandler", loader)) {
			return new TracingServerSpanFields();
		}
		return NONE;
	}

}
