package io.github.dynamologging.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.github.dynamologging.filter.FilterLevel;
import io.github.dynamologging.filter.LogFilter;

/**
 * A rule's filter, compiled for the logging hot path: for a logger name, the least severe level the rule
 * lets through. Targets are matched by name (the logger itself or a dotted descendant), so a rule never
 * creates Logback loggers, whatever names it holds.
 */
final class RuleLevels {

	/** What a logger the rule does not name gets: nothing is let through. */
	static final int NONE = Integer.MAX_VALUE;

	private final LogFilter filter;

	/** Targets, most specific (longest) first, and their Logback level ints. */
	private final String[] targets;

	private final int[] levels;

	private final int rootLevel;

	RuleLevels(LogFilter filter) {
		this.filter = filter;
		List<Map.Entry<String, FilterLevel>> entries = new ArrayList<>(filter.targetLevels().entrySet());
		entries.sort(Comparator.comparingInt((Map.Entry<String, FilterLevel> entry) -> entry.getKey().length()).reversed());
		this.targets = entries.stream().map(Map.Entry::getKey).toArray(String[]::new);
		this.levels = entries.stream().mapToInt((entry) -> levelInt(entry.getValue())).toArray();
		this.rootLevel = filter.rootLevel().map(RuleLevels::levelInt).orElse(NONE);
	}

	/** The least severe Logback level int the rule lets through for this logger. */
	int threshold(String loggerName) {
		for (int i = 0; i < this.targets.length; i++) {
			String target = this.targets[i];
			if (loggerName.startsWith(target)
					&& (loggerName.length() == target.length() || loggerName.charAt(target.length()) == '.')) {
				return this.levels[i];
			}
		}
		return this.rootLevel;
	}

	LogFilter filter() {
		return this.filter;
	}

	private static int levelInt(FilterLevel level) {
		return switch (level) {
			case OFF -> NONE;
			case ERROR -> Level.ERROR_INT;
			case WARN -> Level.WARN_INT;
			case INFO -> Level.INFO_INT;
			case DEBUG -> Level.DEBUG_INT;
			case TRACE -> Level.TRACE_INT;
		};
	}

}
