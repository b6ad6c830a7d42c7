package io.github.dynamologging.rules;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets context-propagation carry a request's rule decision across threads: into Reactor operators
 * (automatic context propagation) and into tasks of a {@code ContextPropagatingTaskDecorator}. Found by
 * the {@code ContextRegistry} through {@code META-INF/services}.
 */
// public with a public constructor: ServiceLoader (META-INF/services) instantiates only such classes
public class RuleDecisionThreadLocalAccessor implements ThreadLocalAccessor<Object> {

	/** The key in a Reactor {@code Context} and in context snapshots. */
	public static final String KEY = "dynamo.logging.request-rule";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable Object getValue() {
		return CurrentRule.get();
	}

	@Override
	public void setValue(Object value) {
		if (value instanceof RuleDecision decision) {
			CurrentRule.enter(decision);
		}
	}

	@Override
	public void setValue() {
		CurrentRule.clear();
	}

}
