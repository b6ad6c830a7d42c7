package io.github.dynamologging.config.internal;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.dynamologging.config.ConfigSources;
import io.github.dynamologging.filter.LogFilter;

import org.springframework.core.env.PropertyResolver;

/**
 * What a feature adds to the configuration sources that {@link ConfigSources} owns: properties mapped from
 * its own environment variables (into the environment-variable source) and built-in levels and properties
 * (into the defaults). Listed in {@code META-INF/spring.factories}, so that {@code config} needs to know no feature.
 *
 * Not API: may change in any release.
 */
public interface ConfigContribution {

	/**
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value, naming the variable, the value and the rule
	 * @return the properties the variables set
	 */
	Map<String, Object> fromEnvironmentVariables(Function<String, String> variables, Consumer<String> warnings);

	/**
	 * Properties that follow from a setting any source may set, once the mapped variables are in the
	 * environment (a switch a variable maps onto, set on the command line or in application.yml instead); they
	 * go into the environment-variable source as well.
	 * @param settings the environment, the properties {@link #fromEnvironmentVariables} mapped included
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value, naming the variable, the value and the rule
	 * @return the properties to add
	 */
	default Map<String, Object> fromSettings(PropertyResolver settings, Function<String, String> variables,
			Consumer<String> warnings) {
		return Map.of();
	}

	/** Levels below every source, which any source overrides. */
	default LogFilter defaultLevels() {
		return LogFilter.empty();
	}

	/** Properties below every source, which any source overrides (Spring Boot's own defaults a feature changes). */
	default Map<String, Object> defaultProperties() {
		return Map.of();
	}

}
