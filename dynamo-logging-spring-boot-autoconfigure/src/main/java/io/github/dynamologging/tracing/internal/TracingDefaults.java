package io.github.dynamologging.tracing.internal;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.dynamologging.config.internal.ConfigContribution;

/**
 * Tracing's part of the configuration sources: Spring Boot properties the starter sets among the built-in
 * defaults, so any source of the user's wins. Listed in {@code META-INF/spring.factories}.
 *
 * Not API: may change in any release.
 */
public final class TracingDefaults implements ConfigContribution {

	/**
	 * Every span is sampled (Boot samples 10% by default), as Dynamo's components do; and the trace context
	 * and request id follow reactive operators across threads (Reactor's automatic context propagation).
	 */
	public static final Map<String, Object> PROPERTIES = Map.of("management.tracing.sampling.probability", "1.0",
			"spring.reactor.context-propagation", "auto");

	/** Tracing maps no variable of its own: {@code OTEL_TRACES_SAMPLE_RATIO} belongs to export. */
	@Override
	public Map<String, Object> fromEnvironmentVariables(Function<String, String> variables, Consumer<String> warnings) {
		return Map.of();
	}

	@Override
	public Map<String, Object> defaultProperties() {
		return PROPERTIES;
	}

}
