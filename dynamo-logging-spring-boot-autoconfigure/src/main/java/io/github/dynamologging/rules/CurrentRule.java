package io.github.dynamologging.rules;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The rule decision of the request the current thread works for. A plain thread local, read on every log
 * call while a rule is in force; context-propagation carries it to other threads
 * ({@link RuleDecisionThreadLocalAccessor}).
 */
final class CurrentRule {

	/** The field naming the rule on a line that only the rule let through. */
	static final String FIELD = "dynlog_rule";

	private static final ThreadLocal<RuleDecision> DECISION = new ThreadLocal<>();

	private CurrentRule() {
	}

	static @Nullable RuleDecision get() {
		return DECISION.get();
	}

	/**
	 * Makes {@code decision} current.
	 * @return the decision that was current, to give to {@link #restore}
	 */
	static @Nullable RuleDecision enter(RuleDecision decision) {
		RuleDecision previous = DECISION.get();
		DECISION.set(decision);
		return previous;
	}

	/** Makes {@code previous} current again, or none. */
	static void restore(@Nullable RuleDecision previous) {
		if (previous != null) {
			DECISION.set(previous);
		}
		else {
			clear();
		}
	}

	static void clear() {
		DECISION.remove();
		// The turbo filter leaves the field in the MDC after a line it let through; a pooled thread must
		// not carry it into other work.
		if (MDC.get(FIELD) != null) {
			MDC.remove(FIELD);
		}
	}

}
