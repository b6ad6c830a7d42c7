package io.github.dynamologging.callsite;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Whether Logback would drop a classic statement at its first check, without asking anything else: the logger
 * is Logback's, its context has no TurboFilters, and the statement's level is below the logger's effective
 * level. Logback's own logging methods make exactly this check before they do anything; with TurboFilters
 * they ask the filters first, so this answers "not off" and the original call decides.
 */
final class LogbackLevelCheck {

	private LogbackLevelCheck() {
	}

	static boolean isOff(Object logger, int level) {
		return logger instanceof Logger logback && logback.getLoggerContext().getTurboFilterList().isEmpty()
				&& logback.getEffectiveLevel().levelInt > level;
	}

	/** Logback's level number for an SLF4J logging method name; -1 for anything else. */
	static int levelOf(String loggingMethod) {
		return switch (loggingMethod) {
			case "trace" -> Level.TRACE_INT;
			case "debug" -> Level.DEBUG_INT;
			case "info" -> Level.INFO_INT;
			case "warn" -> Level.WARN_INT;
			case "error" -> Level.ERROR_INT;
			default -> -1;
		};
	}

}
