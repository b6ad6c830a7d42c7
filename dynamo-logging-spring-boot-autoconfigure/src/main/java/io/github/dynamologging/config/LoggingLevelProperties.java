package io.github.dynamologging.config;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dynamologging.filter.LogFilter;

/**
 * Writes a {@link LogFilter} as Spring Boot's {@code logging.level.*} properties, so Boot applies the
 * levels and {@code /actuator/loggers} and {@code /actuator/env} show them. Public for the config file
 * watcher, which replaces the file's properties when the file changes.
 */
public final class LoggingLevelProperties {

	private LoggingLevelProperties() {
	}

	/**
	 * The properties for a filter: {@code logging.level.root} for the root level and
	 * {@code logging.level.[target]} per target. The brackets keep upper case and {@code $} in logger
	 * names through Boot's binding, which drops {@code $} and matches case-insensitively without them.
	 */
	public static Map<String, Object> of(LogFilter filter) {
		Map<String, Object> properties = new LinkedHashMap<>();
		filter.rootLevel().ifPresent((level) -> properties.put("logging.level.root", level.filterName()));
		filter.targetLevels()
			.forEach((target, level) -> properties.put("logging.level.[" + target + "]", level.filterName()));
		return properties;
	}

}
