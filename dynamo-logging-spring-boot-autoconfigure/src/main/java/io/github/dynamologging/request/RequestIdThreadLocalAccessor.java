package io.github.dynamologging.request;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Lets context-propagation carry the request id's MDC entry across threads: into Reactor operators
 * (automatic context propagation) and into tasks of a {@code ContextPropagatingTaskDecorator}. Found by
 * the {@code ContextRegistry} through {@code META-INF/services}.
 */
public class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<String> {

	/** The key in a Reactor {@code Context} and in context snapshots. */
	public static final String KEY = RequestId.MDC_KEY;

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(RequestId.MDC_KEY);
	}

	@Override
	public void setValue(String value) {
		MDC.put(RequestId.MDC_KEY, value);
	}

	@Override
	public void setValue() {
		MDC.remove(RequestId.MDC_KEY);
	}

}
