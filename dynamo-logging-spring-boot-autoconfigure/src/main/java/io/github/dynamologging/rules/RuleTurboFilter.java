package io.github.dynamologging.rules;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Lets through the lines a request's rule asks for. Logback asks turbo filters before it compares a
 * line's level with the logger's, for {@code isDebugEnabled()} too, so {@link FilterReply#ACCEPT} lets a
 * debug line of a matched request through a logger set to info. While no thread works for a raised request
 * it is one volatile read, else one thread-local read on threads that do not; it is installed only while
 * rules exist ({@link RuleGate}).
 * <p>
 * It also keeps {@value CurrentRule#FIELD} in the MDC exactly while the line being logged is one that
 * only the rule let through: the event takes its MDC from there, so every appender (both console formats,
 * an OTLP log record) sees the field on those lines and on no other.
 */
final class RuleTurboFilter extends TurboFilter {

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable t) {
		if (!CurrentRule.anyThread()) {
			return FilterReply.NEUTRAL;
		}
		RuleDecision decision = CurrentRule.get();
		if (decision == null || level == null) {
			return FilterReply.NEUTRAL;
		}
		int levelInt = level.toInt();
		if (levelInt >= decision.levels().threshold(logger.getName()) && levelInt < logger.getEffectiveLevel().toInt()) {
			if (!decision.ruleId().equals(MDC.get(CurrentRule.FIELD))) {
				MDC.put(CurrentRule.FIELD, decision.ruleId());
			}
			return FilterReply.ACCEPT;
		}
		if (MDC.get(CurrentRule.FIELD) != null) {
			MDC.remove(CurrentRule.FIELD);
		}
		return FilterReply.NEUTRAL;
	}

}
