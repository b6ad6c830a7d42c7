package io.github.dynamologging.rules;

import java.util.HashSet;
import java.util.Set;

import ch.qos.logback.classic.LoggerContext;

/**
 * Installs the one {@link RuleTurboFilter} of a Logback context while anything needs it, and removes it
 * when nothing does, so that a service without rules logs exactly as plain Logback does. Several
 * application contexts in one JVM share the Logback context and the thread-local decision, hence one
 * filter for all of them.
 */
final class RuleGate {

	private static final RuleTurboFilter FILTER = new RuleTurboFilter();

	private static final Set<Object> HOLDERS = new HashSet<>();

	static {
		FILTER.setName("dynamo-request-rules");
		FILTER.start();
	}

	private RuleGate() {
	}

	/** {@code holder} needs the filter; installs it unless it is there (Logback may have been reset). */
	static synchronized void hold(Object holder, LoggerContext context) {
		HOLDERS.add(holder);
		if (!context.getTurboFilterList().contains(FILTER)) {
			context.addTurboFilter(FILTER);
		}
	}

	/** {@code holder} no longer needs the filter; removes it when nothing else does. */
	static synchronized void release(Object holder, LoggerContext context) {
		HOLDERS.remove(holder);
		if (HOLDERS.isEmpty()) {
			context.getTurboFilterList().remove(FILTER);
		}
	}

	static boolean installed(LoggerContext context) {
		return context.getTurboFilterList().contains(FILTER);
	}

}
