package io.github.dynamologging.tracing.internal;

import java.util.Map;

/**
 * Spring Boot properties the starter sets at the lowest precedence, so any source of the user's wins.
 *
 * Not API: may change in any release.
 */
public final class TracingDefaults {

	/**
	 * Every span is sampled (Boot samples 10% by default), as Dynamo's components do; and the trace context
	 * and request id follow reactive operators across threads (Reactor's automatic context propagation).
	 */
	public static final Map<String, String> PROPERTIES = Map.of("management.tracing.sampling.probability", "1.0",
			"spring.reactor.context-propagation", "auto");

	private TracingDefaults() {
	}

}
