package io.github.dynamologging.request;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets context-propagation carry the request's MDC fields across threads: into Reactor operators
 * (automatic context propagation) and into tasks of a {@code ContextPropagatingTaskDecorator}. Found by
 * the {@code ContextRegistry} through {@code META-INF/services}.
 */
// public with a public constructor: ServiceLoader (META-INF/services) instantiates only such classes
public class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<RequestFields> {

	/** The key of a request's {@link RequestFields} in a Reactor {@code Context} and in context snapshots. */
	public static final String KEY = "dynamo.logging.request";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public RequestFields getValue() {
		return RequestFields.fromMdc();
	}

	@Override
	public void setValue(RequestFields value) {
		value.putInMdc();
	}

	@Override
	public void setValue() {
		RequestFields.removeFromMdc();
	}

}
