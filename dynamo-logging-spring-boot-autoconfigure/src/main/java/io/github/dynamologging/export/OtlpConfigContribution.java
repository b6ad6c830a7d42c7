package io.github.dynamologging.export;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.dynamologging.config.internal.ConfigContribution;
import io.github.dynamologging.filter.LogFilter;

import org.springframework.core.env.PropertyResolver;

/**
 * Export's part of the configuration sources: the {@code OTEL_*} variables and the export switch
 * ({@link OtlpExportVariables}) and, among the defaults, the exporter's own log lines off
 * ({@link ExporterLogDefaults}) and larger export batches ({@link ExportBatchDefaults}).
 */
class OtlpConfigContribution implements ConfigContribution {

	@Override
	public Map<String, Object> fromEnvironmentVariables(Function<String, String> variables, Consumer<String> warnings) {
		return OtlpExportVariables.fromVariables(variables, warnings);
	}

	/** Boot's export properties for {@code dynamo.logging.export.enabled}, whichever source set it. */
	@Override
	public Map<String, Object> fromSettings(PropertyResolver settings, Function<String, String> variables,
			Consumer<String> warnings) {
		Boolean enabled;
		try {
			enabled = settings.getProperty(OtlpExportVariables.SWITCH_PROPERTY, Boolean.class);
		}
		catch (RuntimeException ex) {
			// Not a boolean: binding ExportProperties fails the start with Boot's analysis naming it.
			enabled = null;
		}
		return OtlpExportVariables.fromSwitch(enabled, variables, warnings);
	}

	@Override
	public LogFilter defaultLevels() {
		return ExporterLogDefaults.EXPORTER_LINES_OFF;
	}

	@Override
	public Map<String, Object> defaultProperties() {
		return ExportBatchDefaults.PROPERTIES;
	}

}
