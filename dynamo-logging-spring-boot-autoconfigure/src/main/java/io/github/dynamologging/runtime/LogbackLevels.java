package io.github.dynamologging.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LoggerNameUtil;
import io.github.dynamologging.filter.FilterLevel;
import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Reads and writes the levels of one Logback context, which are the live truth: Spring Boot's
 * {@code logging.level.*} and {@code /actuator/loggers} write the same loggers. Writes go through Spring
 * Boot's {@link LoggingSystem} when the application has one, as {@code /actuator/loggers} writes do.
 */
final class LogbackLevels {

	/** The name under which changes, overrides and Boot's loggers endpoint show the root logger. */
	static final String ROOT = Logger.ROOT_LOGGER_NAME;

	private final LoggerContext context;

	private final BiConsumer<String, @Nullable Level> writer;

	/** Writes straight to Logback. */
	LogbackLevels(LoggerContext context) {
		this.context = context;
		this.writer = (name, level) -> context.getLogger(name).setLevel(level);
	}

	/** Writes through Boot's logging system, which must be the one of {@code context}. */
	LogbackLevels(LoggerContext context, LoggingSystem loggingSystem) {
		this.context = context;
		this.writer = (name, level) -> loggingSystem.setLogLevel(name, (level != null) ? toBootLevel(level) : null);
	}

	/** A logger of the context, created when it does not exist yet. */
	Logger logger(String name) {
		return this.context.getLogger(name);
	}

	/** Every logger with a level of its own, ROOT first, the others in Logback's (name) order. */
	Map<String, Level> explicitLevels() {
		Map<String, Level> levels = new LinkedHashMap<>();
		levels.put(ROOT, this.context.getLogger(ROOT).getLevel());
		for (Logger logger : this.context.getLoggerList()) {
			if (logger.getLevel() != null && !ROOT.equals(logger.getName())) {
				levels.put(logger.getName(), logger.getLevel());
			}
		}
		return levels;
	}

	/**
	 * The explicit levels as a filter. Loggers whose names the filter grammar cannot express (only
	 * {@code /actuator/loggers} can create those) are left out, so the result always parses.
	 */
	static LogFilter toFilter(Map<String, Level> levels) {
		Map<String, FilterLevel> targets = new LinkedHashMap<>();
		levels.forEach((name, level) -> {
			if (!ROOT.equals(name) && level != null && LogFilter.targetRuleViolation(name).isEmpty()) {
				targets.put(name, toFilterLevel(level));
			}
		});
		Level root = levels.get(ROOT);
		return LogFilter.of((root != null) ? toFilterLevel(root) : null, targets);
	}

	/** The level a logger has of its own, or {@code null} when it inherits (or does not exist yet). */
	Level levelOf(String name) {
		Logger logger = ROOT.equals(name) ? this.context.getLogger(ROOT) : this.context.exists(name);
		return (logger != null) ? logger.getLevel() : null;
	}

	/**
	 * Adds to {@code missing} the loggers that setting a level on {@code name} would create: the name and
	 * each ancestor that does not exist yet, as Logback's {@code getLogger} would make them. Creates none.
	 */
	void addMissing(String name, Set<String> missing) {
		if (ROOT.equalsIgnoreCase(name)) {
			return;
		}
		int separator = LoggerNameUtil.getFirstSeparatorIndexOf(name);
		while (separator >= 0) {
			addIfMissing(name.substring(0, separator), missing);
			separator = LoggerNameUtil.getSeparatorIndexOf(name, separator + 1);
		}
		addIfMissing(name, missing);
	}

	private void addIfMissing(String name, Set<String> missing) {
		if (this.context.exists(name) == null) {
			missing.add(name);
		}
	}

	void setLevel(String name, @Nullable Level level) {
		if (levelOf(name) != level) {
			this.writer.accept(name, level);
		}
	}

	/** Every existing logger's name, ROOT included. */
	Iterable<String> loggerNames() {
		return this.context.getLoggerList().stream().map(Logger::getName).toList();
	}

	static Level toLogbackLevel(FilterLevel level) {
		return switch (level) {
			case OFF -> Level.OFF;
			case ERROR -> Level.ERROR;
			case WARN -> Level.WARN;
			case INFO -> Level.INFO;
			case DEBUG -> Level.DEBUG;
			case TRACE -> Level.TRACE;
		};
	}

	/** As Boot's Logback support maps its levels: FATAL is ERROR. */
	static Level fromBootLevel(LogLevel level) {
		return switch (level) {
			case TRACE -> Level.TRACE;
			case DEBUG -> Level.DEBUG;
			case INFO -> Level.INFO;
			case WARN -> Level.WARN;
			case ERROR, FATAL -> Level.ERROR;
			case OFF -> Level.OFF;
		};
	}

	static LogLevel toBootLevel(Level level) {
		return switch (level.toInt()) {
			case Level.OFF_INT -> LogLevel.OFF;
			case Level.ERROR_INT -> LogLevel.ERROR;
			case Level.WARN_INT -> LogLevel.WARN;
			case Level.INFO_INT -> LogLevel.INFO;
			case Level.DEBUG_INT -> LogLevel.DEBUG;
			default -> LogLevel.TRACE;
		};
	}

	static FilterLevel toFilterLevel(Level level) {
		return switch (level.toInt()) {
			case Level.OFF_INT -> FilterLevel.OFF;
			case Level.ERROR_INT -> FilterLevel.ERROR;
			case Level.WARN_INT -> FilterLevel.WARN;
			case Level.INFO_INT -> FilterLevel.INFO;
			case Level.DEBUG_INT -> FilterLevel.DEBUG;
			// TRACE and ALL: the filter grammar's most verbose level
			default -> FilterLevel.TRACE;
		};
	}

}
