package io.github.dynamologging.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.dynamologging.config.internal.ConfigContribution;
import io.github.dynamologging.config.internal.TruthyValue;
import io.github.dynamologging.filter.FilterParseResult;
import io.github.dynamologging.filter.LogFilter;

/**
 * The table of Dynamo's {@code DYN_*} logging variables (docs/configuration.md): one row per variable, with
 * the Spring Boot or {@code dynamo.logging.*} property it sets. Bad values draw a warning naming the
 * variable, the value and the rule. Adding a variable means adding its row here (and its line to the docs'
 * table, which {@code EnvironmentVariableMappingTests} compares); the {@code OTEL_*} variables are
 * export's, through its {@link ConfigContribution}.
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

	/** What a set variable's value means: it puts properties, or warns. */
	@FunctionalInterface
	private interface Meaning {

		void map(String value, Consumer<String> warnings, Map<String, Object> properties);

	}

	/**
	 * One variable.
	 * @param variable its name
	 * @param meaning what its value does, when it is set
	 */
	private record Row(String variable, Meaning meaning) {
	}

	/** Applied in order: a later row wins for the same property (the console format over JSONL). */
	private static final List<Row> TABLE = List.of(
			new Row(DYN_LOG, (value, warnings, properties) -> {
				FilterParseResult result = LogFilter.parse(value);
				result.problems().forEach((problem) -> warnings.accept(problem.describe(DYN_LOG)));
				result.warnings().forEach((warning) -> warnings.accept(warning.describe(DYN_LOG)));
				properties.putAll(LoggingLevelProperties.of(result.filter()));
			}),
			new Row(DYN_LOGGING_JSONL, (value, warnings, properties) -> properties
				.put(DynamoLoggingEnvironmentPostProcessor.FORMAT_PROPERTY,
						TruthyValue.parse(DYN_LOGGING_JSONL, value, warnings) ? JSONL : READABLE)),
			new Row(DYN_LOGGING_CONSOLE_FORMAT, (value, warnings, properties) -> consoleFormat(value, warnings)
				.ifPresent((format) -> properties.put(DynamoLoggingEnvironmentPostProcessor.FORMAT_PROPERTY, format))),
			flag(DYN_LOG_USE_LOCAL_TZ, DynamoLoggingEnvironmentPostProcessor.LOCAL_TIME_PROPERTY),
			flag(DYN_LOGGING_SPAN_EVENTS, DynamoLoggingEnvironmentPostProcessor.SPAN_EVENTS_PROPERTY),
			new Row(DYN_LOGGING_CONFIG_PATH, (value, warnings, properties) -> {
				if (!value.isBlank()) {
					properties.put(DynamoLoggingEnvironmentPostProcessor.CONFIG_PATH_PROPERTY, value.trim());
				}
			}),
			new Row(DYN_SDK_DISABLE_ANSI_LOGGING, (value, warnings, properties) -> {
				if (TruthyValue.parse(DYN_SDK_DISABLE_ANSI_LOGGING, value, warnings)) {
					properties.put("spring.output.ansi.enabled", "never");
				}
			}));

	private EnvironmentVariableMapping() {
	}

	/** The variables of the table, in its order. */
	static List<String> variables() {
		return TABLE.stream().map(Row::variable).toList();
	}

	/**
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value
	 * @return the properties the variables set
	 */
	static Map<String, Object> properties(Function<String, String> variables, Consumer<String> warnings) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Row row : TABLE) {
			String value = variables.apply(row.variable());
			if (value != null) {
				row.meaning().map(value, warnings, properties);
			}
		}
		return properties;
	}

	/** A truthy variable that sets a boolean property. */
	private static Row flag(String variable, String property) {
		return new Row(variable, (value, warnings, properties) -> properties.put(property,
				String.valueOf(TruthyValue.parse(variable, value, warnings))));
	}

	/**
	 * The format {@code DYN_LOGGING_CONSOLE_FORMAT} names: none when blank (counts as unset), readable when
	 * it is neither format (Dynamo's rule), with a warning.
	 */
	private static Optional<String> consoleFormat(String consoleFormat, Consumer<String> warnings) {
		if (consoleFormat.isBlank()) {
			return Optional.empty();
		}
		String format = consoleFormat.trim().toLowerCase(Locale.ROOT);
		if (format.equals(JSONL) || format.equals(READABLE)) {
			return Optional.of(format);
		}
		warnings.accept(DYN_LOGGING_CONSOLE_FORMAT + "='" + consoleFormat + "' is not a console format; "
				+ "expected readable or jsonl (any case); using readable");
		return Optional.of(READABLE);
	}

}
