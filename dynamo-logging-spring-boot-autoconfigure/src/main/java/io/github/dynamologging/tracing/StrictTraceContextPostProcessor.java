package io.github.dynamologging.tracing;

import io.opentelemetry.context.propagation.ContextPropagators;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts {@link StrictTraceContextPropagator} around the propagators Spring Boot builds. Boot composes every
 * {@code TextMapPropagator} bean (its own for {@code management.tracing.propagation.*}, and the user's)
 * into one {@link ContextPropagators} bean, which Micrometer's bridge and the OpenTelemetry SDK use; a
 * further propagator bean could not see every header nor be ordered after Boot's, so the composed one is
 * wrapped instead, keeping whatever types and baggage settings Boot's properties chose.
 */
class StrictTraceContextPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ContextPropagators propagators
				&& !(propagators.getTextMapPropagator() instanceof StrictTraceContextPropagator)) {
			return ContextPropagators.create(new StrictTraceContextPropagator(propagators.getTextMapPropagator()));
		}
		return bean;
	}

}
