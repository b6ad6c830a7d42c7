package io.github.dynamologging.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.dynamologging.export.OtlpExportVariables;
import io.github.dynamologging.filter.FilterParseResult;
import io.github.dynamologging.filter.LogFilter;

/**
 * Maps Dynamo's {@code DYN_*} logging variables and its {@code OTEL_*} export variables (SPEC 2.1, the latter
 * through {@link OtlpExportVariables}) onto Spring Boot and {@code dynamo.logging.*} properties. Bad values
 * draw a warning naming the variable, the value and the rule.
 */
final class EnvironmentVariableMapping {

	static final String DYN_LOG = "DYN_LOG";

	static final String DYN_LOGGING_JSONL = "DYN_LOGGING_JSONL";

	static final String DYN_LOGGING_CONSOLE_FORMAT = "DYN_LOGGING_CONSOLE_FORMAT";

	static final String DYN_LOG_USE_LOCAL_TZ = "DYN_LOG_USE_LOCAL_TZ";

	static final String DYN_LOGGING_SPAN_EVENTS = "DYN_LOGGING_SPAN_EVENTS";

	static final String DYN_LOGGING_CONFIG_PATH = "DYN_LOGGING_CONFIG_PATH";

	static final String DYN_SDK_DISABLE_ANSI_LOGGING = "DYN_SDK_DISABLE_ANSI_LOGGING";

	static final String JSONL = "jsonl";

	static final String READABLE = "readable";

	private EnvironmentVariableMapping() {
	}

	/**
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value
	 * @return the properties the variables set
	 */
	static Map<String, Object> properties(Function<String, String> variables, Consumer<String> warnings) {
		Map<String, Object> properties = new LinkedHashMap<>();
		String filter = variables.apply(DYN_LOG);
		if (filter != null) {
			FilterParseResult result = LogFilter.parse(filter);
			result.problems().forEach((problem) -> warnings.accept(problem.describe(DYN_LOG)));
			result.warnings().forEach((warning) -> warnings.accept(warning.describe(DYN_LOG)));
			properties.putAll(LoggingLevelProperties.of(result.filter()));
		}
		String format = consoleFormat(variables, warnings);
		if (format != null) {
			properties.put(DynamoLoggingEnvironmentPostProcessor.FORMAT_PROPERTY, format);
		}
		putFlag(variables, warnings, DYN_LOG_USE_LOCAL_TZ, DynamoLoggingEnvironmentPostProcessor.LOCAL_TIME_PROPERTY,
				properties);
		putFlag(variables, warnings, DYN_LOGGING_SPAN_EVENTS,
				DynamoLoggingEnvironmentPostProcessor.SPAN_EVENTS_PROPERTY, properties);
		String configPath = variables.apply(DYN_LOGGING_CONFIG_PATH);
		if (configPath != null && !configPath.isBlank()) {
			properties.put(DynamoLoggingEnvironmentPostProcessor.CONFIG_PATH_PROPERTY, configPath.trim());
		}
		String disableAnsi = variables.apply(DYN_SDK_DISABLE_ANSI_LOGGING);
		if (disableAnsi != null && TruthyValue.parse(DYN_SDK_DISABLE_ANSI_LOGGING, disableAnsi, warnings)) {
			properties.put("spring.output.ansi.enabled", "never");
		}
		properties.putAll(OtlpExportVariables.properties(variables, warnings));
		return properties;
	}

	/**
	 * {@code DYN_LOGGING_CONSOLE_FORMAT} when set and valid, else {@code DYN_LOGGING_JSONL}, else none. A
	 * bad {@code DYN_LOGGING_JSONL} draws its WARN even when the console format wins: the operator set it.
	 */
	private static String consoleFormat(Function<String, String> variables, Consumer<String> warnings) {
		String jsonl = variables.apply(DYN_LOGGING_JSONL);
		String fromJsonl = (jsonl != null) ? (TruthyValue.parse(DYN_LOGGING_JSONL, jsonl, warnings) ? JSONL : READABLE)
				: null;
		String consoleFormat = variables.apply(DYN_LOGGING_CONSOLE_FORMAT);
		if (consoleFormat != null && !consoleFormat.isBlank()) {
			String format = consoleFormat.trim().toLowerCase(Locale.ROOT);
			if (format.equals(JSONL) || format.equals(READABLE)) {
				return format;
			}
			warnings.accept(DYN_LOGGING_CONSOLE_FORMAT + "='" + consoleFormat + "' is not a console format; "
					+ "expected readable or jsonl (any case); ignoring it");
		}
		return fromJsonl;
	}

	private static void putFlag(Function<String, String> variables, Consumer<String> warnings, String variable,
			String property, Map<String, Object> properties) {
		String value = variables.apply(variable);
		if (value != null) {
			properties.put(property, String.valueOf(TruthyValue.parse(variable, value, warnings)));
		}
	}

}
