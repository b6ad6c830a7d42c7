package io.github.dynamologging.rules;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The rule decision of the request the current thread works for, in a thread local that context-propagation
 * carries to other threads ({@link RuleDecisionThreadLocalAccessor}). A count of the threads that hold one
 * lets a log call skip the thread-local lookup, with one volatile read, while no thread works for a raised
 * request (rules in force that match nothing cost no more than that).
 */
final class CurrentRule {

	/** The field naming the rule on a line that only the rule let through. */
	static final String FIELD = "dynlog_rule";

	private static final ThreadLocal<RuleDecision> DECISION = new ThreadLocal<>();

	/** Threads holding a decision; changed only when a thread goes from none to one or back. */
	private static final AtomicInteger HOLDERS = new AtomicInteger();

	private CurrentRule() {
	}

	static @Nullable RuleDecision get() {
		return DECISION.get();
	}

	/** Whether any thread may hold a decision: when not, {@link #get()} is {@code null} on every thread. */
	static boolean anyThread() {
		return holders() != 0;
	}

	static int holders() {
		return HOLDERS.get();
	}

	/**
	 * Makes {@code decision} current.
	 * @return the decision that was current, to give to {@link #restore}
	 */
	static @Nullable RuleDecision enter(RuleDecision decision) {
		RuleDecision previous = DECISION.get();
		DECISION.set(decision);
		if (previous == null) {
			HOLDERS.incrementAndGet();
		}
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
		if (DECISION.get() != null) {
			DECISION.remove();
			HOLDERS.decrementAndGet();
		}
		// The turbo filter leaves the field in the MDC after a line it let through; a pooled thread must
		// not carry it into other work.
		if (MDC.get(FIELD) != null) {
			MDC.remove(FIELD);
		}
	}

}
