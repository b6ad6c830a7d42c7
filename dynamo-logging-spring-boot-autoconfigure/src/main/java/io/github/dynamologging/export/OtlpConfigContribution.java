package io.github.dynamologging.export;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.dynamologging.config.ConfigContribution;
import io.github.dynamologging.filter.LogFilter;

/**
 * Export's part of the configuration sources: the {@code OTEL_*} variables ({@link OtlpExportVariables})
 * and, among the defaults, the exporter's own log lines off ({@link ExporterLogDefaults}).
 */
public class OtlpConfigContribution implements ConfigContribution {

	@Override
	public Map<String, Object> fromEnvironmentVariables(Function<String, String> variables, Consumer<String> warnings) {
		return OtlpExportVariables.properties(variables, warnings);
	}

	@Override
	public LogFilter defaultLevels() {
		return ExporterLogDefaults.EXPORTER_LINES_OFF;
	}

}
