package io.github.dynamologging.config;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.dynamologging.filter.LogFilter;

/**
 * What a feature adds to the configuration sources that {@link ConfigSources} owns: properties mapped from
 * its own environment variables (into the environment-variable source) and built-in levels (into the
 * defaults). Listed in {@code META-INF/spring.factories}, so that {@code config} needs to know no feature.
 */
public interface ConfigContribution {

	/**
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value, naming the variable, the value and the rule
	 * @return the properties the variables set
	 */
	Map<String, Object> fromEnvironmentVariables(Function<String, String> variables, Consumer<String> warnings);

	/** Levels below every source, which any source overrides. */
	default LogFilter defaultLevels() {
		return LogFilter.empty();
	}

}
