package io.github.dynamologging.config.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The logger of every message about the logging configuration itself (a bad directive or variable, an
 * unknown TOML key, a watched file that went bad, the configuration dump), and the level that keeps the
 * configuration it speaks about from silencing it: a root of {@code error} must still show the WARN about a
 * bad directive (docs/configuration.md).
 *
 * Not API: may change in any release.
 */
public final class ConfigurationLog {

	/** The logger's name. */
	public static final String LOGGER = "dynamo.logging.config";

	/** The property source that holds its level, first in the environment. */
	public static final String LEVEL_SOURCE_NAME = "dynamoConfigurationLogLevel";

	private static final String LEVEL_PROPERTY = "logging.level." + LOGGER;

	private ConfigurationLog() {
	}

	/**
	 * Gives the logger a level of its own, above every other source: the level configured for it (or the
	 * nearest of its parents, or the root) when that lets INFO through, else INFO. So configuration can
	 * make it more verbose (DEBUG shows the configuration dump) but never quieter than INFO.
	 */
	public static void pinLevel(ConfigurableEnvironment environment) {
		environment.getPropertySources().remove(LEVEL_SOURCE_NAME);
		LogLevel configured = configuredLevel(environment);
		LogLevel level = (configured != null && configured.compareTo(LogLevel.INFO) < 0) ? configured : LogLevel.INFO;
		environment.getPropertySources()
			.addFirst(new MapPropertySource(LEVEL_SOURCE_NAME,
					Map.of(LEVEL_PROPERTY, level.name().toLowerCase(Locale.ROOT))));
	}

	private static LogLevel configuredLevel(ConfigurableEnvironment environment) {
		Map<String, LogLevel> levels;
		try {
			levels = Binder.get(environment)
				.bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
				.orElse(Map.of());
		}
		catch (BindException ex) {
			// Boot reports the bad level itself when it applies the levels.
			return null;
		}
		for (String name = LOGGER; !name.isEmpty(); name = parent(name)) {
			if (levels.containsKey(name)) {
				return levels.get(name);
			}
		}
		return levels.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase("root"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String parent(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : "";
	}

}
