package io.github.dynamologging.hardening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.export.DynamoEnvironment;
import io.github.dynamologging.testing.CapturedJsonLines;
import io.github.dynamologging.testing.CapturedStderr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad configuration at start (docs/configuration.md), each in a real application start with the variables in place of
 * the real environment and JSONL on stderr: the message is a parsed log line whose fields name the input
 * and the rule, every stderr line is JSON, and the started application is in the documented state (the
 * valid parts applied, defaults kept, export off), or it does not start at all. The rules themselves are
 * unit-tested per feature ({@code config}, {@code filter}, {@code export}); this corpus checks the whole
 * path for breadth.
 */
class BadConfigurationStartupTest {

	private static final String CONFIGURATION_LOG = "dynamo.logging.config";

	private static final String OTLP_REPORT = "io.github.dynamologging.export.OtlpExportReport";

	private static final Pattern READABLE_LINE = Pattern
		.compile("\\d{4}-\\d\\d-\\d\\dT[^ ]+Z +(TRACE|DEBUG|INFO|WARN|ERROR) (?:[^ :]+: )?([^ :]+): (.*)");
	/** How every READABLE event's first line starts: its time and level. */
	private static final Pattern READABLE_EVENT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z (TRACE|DEBUG| INFO| WARN|ERROR) ");

	private static final String TRUTHY_RULE = "expected one of 1, true, on, yes";

	@TempDir
	static Path dir;

	@RegisterExtension
	final CapturedStderr capturedStderr = new CapturedStderr();

	private final CapturedJsonLines stderr = this.capturedStderr.lines();

	/** Starts the app; the variables replace the real environment, JSONL unless they say otherwise. */
	private ConfigurableApplicationContext start(Map<String, String> variables, String... args) {
		DynamoEnvironment env = new DynamoEnvironment();
		if (!variables.containsKey("DYN_LOGGING_JSONL")) {
			env.variables.put("DYN_LOGGING_CONSOLE_FORMAT", "jsonl");
		}
		env.variables.putAll(variables);
		StandardEnvironment environment = new StandardEnvironment();
		env.replaceSources(environment);
		List<String> all = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--dynamo.logging.default-config-path=" + dir.resolve("no-default.toml")));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(App.class).environment(environment).run(all.toArray(String[]::new));
	}

	/** Every line on stderr, parsed: a line that is not JSON fails the test. */
	private List<JsonNode> lines() {
		return this.stderr.jsonLines();
	}

	/** The messages of the WARN lines that name {@code variable}. */
	private List<String> warningsNaming(String variable) {
		return lines().stream()
			.filter((line) -> "WARN".equals(line.get("level").stringValue()))
			.map((line) -> line.get("message").stringValue())
			.filter((message) -> message.contains(variable))
			.toList();
	}

	/** The messages of the ERROR lines that report a failed start (Boot's failure analysis). */
	private List<String> failureAnalyses() {
		return lines().stream()
			.filter((line) -> "ERROR".equals(line.get("level").stringValue()))
			.map((line) -> line.get("message").stringValue())
			.filter((message) -> message.contains("APPLICATION FAILED TO START"))
			.toList();
	}

	private List<String> messages(String target, String level) {
		return lines().stream()
			.filter((line) -> target.equals(line.get("target").stringValue()) && level.equals(line.get("level").stringValue()))
			.map((line) -> line.get("message").stringValue())
			.toList();
	}

	private static Level level(String logger) {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(logger).getLevel();
	}

	static Stream<Arguments> badDynLog() {
		String hugeInvalid = "com.example.huge=" + "loud".repeat(25_000);
		String manyDirectives = IntStream.range(0, 2_000).mapToObj((i) -> "com.example.m" + i + "=debug")
			.collect(Collectors.joining(","));
		return Stream.of(
				// input, the directives warned about (each with a word of its rule), the levels after start
				Arguments.of("unknown level", "info,com.example.ok=debug,com.example.bad=loud",
						Map.of("com.example.bad=loud", "is not a level"), Map.of("ROOT", Level.INFO, "com.example.ok", Level.DEBUG)),
				Arguments.of("bad target characters", "warn,com foo=debug,com.example.ok=error,com/example=debug",
						Map.of("com foo=debug", "a target may only contain", "com/example=debug", "a target may only contain"),
						Map.of("ROOT", Level.WARN, "com.example.ok", Level.ERROR)),
				Arguments.of("empty directives are skipped", ",, ,com.example.ok=debug,,",
						Map.of(), Map.of("ROOT", Level.INFO, "com.example.ok", Level.DEBUG)),
				Arguments.of("empty target", "=debug,com.example.ok=debug", Map.of("=debug", ""),
						Map.of("ROOT", Level.INFO, "com.example.ok", Level.DEBUG)),
				Arguments.of("empty level", "com.example.bad=,com.example.ok=debug", Map.of("com.example.bad=", ""),
						Map.of("ROOT", Level.INFO, "com.example.ok", Level.DEBUG)),
				Arguments.of("two equals signs", "com.example.bad==debug,com.example.ok=warn", Map.of("com.example.bad==debug", ""),
						Map.of("ROOT", Level.INFO, "com.example.ok", Level.WARN)),
				Arguments.of("level, then more", "com.example.bad=debug=trace,com.example.ok=warn",
						Map.of("com.example.bad=debug=trace", ""), Map.of("ROOT", Level.INFO, "com.example.ok", Level.WARN)),
				Arguments.of("digit out of range", "6,com.example.ok=1", Map.of("6", ""),
						Map.of("ROOT", Level.INFO, "com.example.ok", Level.ERROR)),
				Arguments.of("Rust module path", "dynamo_runtime::component=debug,com.example.ok=debug",
						Map.of("dynamo_runtime::component=debug", "module paths are Rust targets"),
						Map.of("ROOT", Level.INFO, "com.example.ok", Level.DEBUG)),
				Arguments.of("hostile characters", "com.example.ok=debug,evil\u001b[31m=info,a\u2028b=debug,c\"d=debug",
						Map.of("evil\u001b[31m=info", "", "a\u2028b=debug", "", "c\"d=debug", ""),
						Map.of("ROOT", Level.INFO, "com.example.ok", Level.DEBUG)),
				Arguments.of("huge invalid directive (100 KB)", hugeInvalid + ",com.example.ok=debug",
						Map.of(hugeInvalid, "is not a level"), Map.of("ROOT", Level.INFO, "com.example.ok", Level.DEBUG)),
				Arguments.of("2000 valid directives", manyDirectives, Map.of(),
						Map.of("ROOT", Level.INFO, "com.example.m0", Level.DEBUG, "com.example.m1999", Level.DEBUG)));
	}

	@ParameterizedTest(name = "DYN_LOG {0}")
	@MethodSource("badDynLog")
	void badDynLogDrawsOneWarningPerInvalidDirectiveAndTheValidOnesApply(String name, String dynLog,
			Map<String, String> warned, Map<String, Level> levels) {
		try (ConfigurableApplicationContext context = start(Map.of("DYN_LOG", dynLog))) {
			List<String> warnings = messages(CONFIGURATION_LOG, "WARN");
			assertThat(warnings).hasSize(warned.size());
			warned.forEach((directive, rule) -> assertThat(warnings)
				.anySatisfy((message) -> assertThat(message).startsWith("Ignoring directive '" + directive + "' in DYN_LOG: ")
					.contains(rule)));
			levels.forEach((logger, level) -> assertThat(level(logger)).as(logger).isEqualTo(level));
			assertThat(level("com.example.bad")).isNull();
			System.out.printf("[hardening] bad DYN_LOG %-34s warnings=%d longest_warning=%d chars, app started%n", name,
					warnings.size(), warnings.stream().mapToInt(String::length).max().orElse(0));
		}
	}

	@Test
	void bareWordLikeALevelStartsWithThatLoggerAtTraceAndOneWarning() {
		try (ConfigurableApplicationContext context = start(Map.of("DYN_LOG", "com.example.ok=debug,debgu"))) {
			assertThat(messages(CONFIGURATION_LOG, "WARN")).containsExactly("Directive 'debgu' in DYN_LOG is not a level, "
					+ "so it sets the logger 'debgu' to trace; did you mean the level 'debug'? Write debgu=trace to keep "
					+ "the logger and silence this warning");
			assertThat(level("debgu")).isEqualTo(Level.TRACE);
			assertThat(level("ROOT")).isEqualTo(Level.INFO);
		}
	}

	static Stream<Arguments> badTruthy() {
		Function<ConfigurableApplicationContext, Object> format = (context) -> context.getEnvironment()
			.getPropertySources()
			.get("dynamoEnvironmentVariables")
			.getProperty("dynamo.logging.format");
		return Stream.of(
				Arguments.of("DYN_LOGGING_JSONL", "maybe", format, "readable"),
				Arguments.of("DYN_LOG_USE_LOCAL_TZ", "2",
						(Function<ConfigurableApplicationContext, Object>) (context) -> context.getEnvironment().getProperty("dynamo.logging.local-time"), "false"),
				Arguments.of("DYN_LOGGING_SPAN_EVENTS", "enable",
						(Function<ConfigurableApplicationContext, Object>) (context) -> context.getEnvironment().getProperty("dynamo.logging.span-events"), "false"),
				Arguments.of("DYN_SDK_DISABLE_ANSI_LOGGING", "sure",
						(Function<ConfigurableApplicationContext, Object>) (context) -> context.getEnvironment().getProperty("spring.output.ansi.enabled"), null),
				Arguments.of("OTEL_EXPORT_ENABLED", "treu",
						(Function<ConfigurableApplicationContext, Object>) (context) -> context.getEnvironment().getProperty("management.tracing.export.otlp.enabled"), "false"),
				Arguments.of("DYN_LOGGING_JSONL", " yes please ", format, "readable"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("badTruthy")
	void aBadTruthyValueIsFalseWithOneWarningNamingTheVariableAndTheValue(String variable, String value,
			Function<ConfigurableApplicationContext, Object> state, Object expected) {
		// The JSONL case keeps the stream JSON through the command line, which beats the variable.
		Map<String, String> variables = new LinkedHashMap<>(Map.of(variable, value));
		try (ConfigurableApplicationContext context = start(variables, "--dynamo.logging.format=jsonl")) {
			List<String> warnings = warningsNaming(variable);
			assertThat(warnings).singleElement()
				.asString()
				.contains(variable + "='" + value + "'")
				.contains(TRUTHY_RULE);
			assertThat(state.apply(context)).isEqualTo(expected);
			// Whatever the variable, every line's time is still UTC.
			assertThat(lines()).allSatisfy((line) -> assertThat(line.get("time").stringValue()).endsWith("Z"));
			System.out.printf("[hardening] bad truthy %s='%s': one WARN, state %s%n", variable, value, expected);
		}
	}

	static Stream<Arguments> badOtlp() {
		return Stream.of(Arguments.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4317", "is not a valid endpoint"),
				Arguments.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://collector:4317", "is not a valid endpoint"),
				Arguments.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://", "is not a valid endpoint"),
				Arguments.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://col lector:4317", "is not a valid endpoint"),
				Arguments.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:99999", "is not a valid endpoint"),
				Arguments.of("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/json", "expected grpc or http/protobuf"),
				Arguments.of("OTEL_EXPORTER_OTLP_PROTOCOL", "GRPC2", "expected grpc or http/protobuf"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("badOtlp")
	void aBadOtlpSettingDrawsOneWarningAndTheAppStartsWithExportOff(String variable, String value, String rule) {
		try (ConfigurableApplicationContext context = start(Map.of("OTEL_EXPORT_ENABLED", "1", variable, value))) {
			List<String> warnings = warningsNaming(variable);
			assertThat(warnings).singleElement()
				.asString()
				.startsWith(variable + "='" + value + "'")
				.contains(rule)
				.endsWith("OTLP export stays off");
			assertThat(messages(OTLP_REPORT, "INFO")).containsExactly("OpenTelemetry OTLP export disabled, traces local only");
			assertThat(context.getEnvironment().getProperty("management.tracing.export.otlp.enabled")).isEqualTo("false");
			System.out.printf("[hardening] bad OTLP %s='%s': one WARN, export off%n", variable, value);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "jsonl", "readable" })
	void aBadDirectiveIsReportedEvenWhenTheConfiguredRootIsError(String format) throws IOException {
		Path file = Files.writeString(dir.resolve("root-error.toml"), "log_level = \"error\"\n");
		try (ConfigurableApplicationContext context = start(Map.of("DYN_LOG", "com.acme.b=trace,com.acme.bogus=loud",
				"DYN_LOGGING_CONFIG_PATH", file.toString(), "DYN_LOGGING_CONSOLE_FORMAT", format))) {
			assertThat(level("ROOT")).isEqualTo(Level.ERROR);
			assertThat(level("com.acme.b")).isEqualTo(Level.TRACE);
			List<Map<String, String>> warnings = (format.equals("jsonl") ? jsonlFields() : readableFields()).stream()
				.filter((line) -> "WARN".equals(line.get("level")))
				.toList();
			assertThat(warnings).singleElement().satisfies((line) -> {
				assertThat(line).containsEntry("target", CONFIGURATION_LOG);
				assertThat(line.get("message")).startsWith("Ignoring directive 'com.acme.bogus=loud' in DYN_LOG");
			});
		}
	}

	@Test
	void anUnknownConsoleFormatStartsReadableWithOneWarning() {
		try (ConfigurableApplicationContext context = start(Map.of("DYN_LOGGING_CONSOLE_FORMAT", "json",
				"DYN_LOGGING_JSONL", "1"))) {
			assertThat(this.stderr.text().lines()).allSatisfy((line) -> assertThat(line).doesNotStartWith("{"));
			assertThat(readableFields()).filteredOn((line) -> "WARN".equals(line.get("level")))
				.singleElement()
				.satisfies((line) -> assertThat(line).containsEntry("target", CONFIGURATION_LOG)
					.containsEntry("message", "DYN_LOGGING_CONSOLE_FORMAT='json' is not a console format; "
							+ "expected readable or jsonl (any case); using readable"));
		}
	}

	private List<Map<String, String>> jsonlFields() {
		return lines().stream()
			.map((line) -> Map.of("level", line.get("level").stringValue(), "target", line.get("target").stringValue(),
					"message", line.get("message").stringValue()))
			.toList();
	}

	/** READABLE lines as their fields: {@code <time> <LEVEL> [<span>: ]<target>: <message>}. */
	private List<Map<String, String>> readableFields() {
		return this.stderr.text().lines().map(READABLE_LINE::matcher).filter(Matcher::matches)
			.map((line) -> Map.of("level", line.group(1), "target", line.group(2), "message", line.group(3)))
			.toList();
	}

	static Stream<Arguments> brokenTomlFiles() throws IOException {
		byte[] garbage = new byte[4096];
		new Random(7).nextBytes(garbage);
		StringBuilder huge = new StringBuilder("log_level = \"warn\"\n[log_filters]\n");
		IntStream.range(0, 50_000).forEach((i) -> huge.append("\"com.example.h").append(i).append("\" = \"debug\"\n"));
		huge.append("\"com.example.last\" = 7\n");
		return Stream.of(
				// file name, content (null: a directory), what the failure analysis says
				Arguments.of("syntax.toml", "log_level = warn\n".getBytes(StandardCharsets.UTF_8), "at line 1, column"),
				Arguments.of("wrong-type.toml", "log_level = 3\n".getBytes(StandardCharsets.UTF_8), "at line 1"),
				Arguments.of("bad-level.toml", "log_level = \"loud\"\n".getBytes(StandardCharsets.UTF_8), "'loud'"),
				Arguments.of("bad-target.toml", "[log_filters]\n\"com foo\" = \"debug\"\n".getBytes(StandardCharsets.UTF_8), "at line 2"),
				Arguments.of("filters-not-a-table.toml", "log_filters = \"debug\"\n".getBytes(StandardCharsets.UTF_8), "at line 1"),
				Arguments.of("binary.toml", garbage, "cannot be used"),
				Arguments.of("huge.toml", huge.toString().getBytes(StandardCharsets.UTF_8), "at line 50003"),
				Arguments.of("a-directory.toml", null, "it cannot be read"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenTomlFiles")
	void aTomlFileThatCannotBeUsedStopsTheStartWithAFailureAnalysisNamingTheFile(String name, byte[] content,
			String where) throws IOException {
		Path file = dir.resolve(name);
		if (content == null) {
			Files.createDirectories(file);
		}
		else {
			Files.write(file, content);
		}
		assertThatThrownBy(() -> start(Map.of("DYN_LOGGING_CONFIG_PATH", file.toString())))
			.hasMessageContaining(file.toString());
		List<String> errors = failureAnalyses();
		assertThat(errors).singleElement()
			.asString()
			.contains("The logging config file " + file)
			.contains(where)
			.contains("Action:");
		System.out.printf("[hardening] broken TOML %-26s start refused, failure analysis of %d chars%n", name,
				errors.get(0).length());
	}

	static Stream<Arguments> usableTomlFiles() {
		return Stream.of(
				// file content (null: no file), the WARNs (a word each), the levels after start
				Arguments.of("missing file", null, List.of("does not exist"), Map.of("ROOT", Level.INFO)),
				Arguments.of("empty file", "", List.of(), Map.of("ROOT", Level.INFO)),
				Arguments.of("unknown keys", "log_level = \"warn\"\nlog_format = \"json\"\n[log_filters]\n\"com.example.ok\" = \"debug\"\n[extra]\nx = 1\n",
						List.of("log_format", "extra"), Map.of("ROOT", Level.WARN, "com.example.ok", Level.DEBUG)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("usableTomlFiles")
	void aUsableTomlFileStartsWithItsValidPartsAndOneWarningPerProblem(String name, String content,
			List<String> warned, Map<String, Level> levels) throws IOException {
		Path file = dir.resolve(name.replace(' ', '-') + ".toml");
		if (content != null) {
			Files.writeString(file, content);
		}
		try (ConfigurableApplicationContext context = start(Map.of("DYN_LOGGING_CONFIG_PATH", file.toString()))) {
			List<String> warnings = messages(CONFIGURATION_LOG, "WARN");
			assertThat(warnings).hasSize(warned.size());
			warned.forEach((word) -> assertThat(warnings)
				.anySatisfy((message) -> assertThat(message).contains(file.toString()).contains(word)));
			levels.forEach((logger, level) -> assertThat(level(logger)).as(logger).isEqualTo(level));
			System.out.printf("[hardening] TOML %-14s app started, warnings=%d%n", name, warnings.size());
		}
	}

	static Stream<Arguments> badOutputSettings() {
		String toEnum = "failed to convert java.lang.String to io.github.dynamologging.output.";
		String toBoolean = "failed to convert java.lang.String to boolean";
		return Stream.of(Arguments.of("dynamo.logging.async.queue-size", "0", "the async queue must hold between 1 and 1073741824 lines, but is 0"),
				Arguments.of("dynamo.logging.async.queue-size", "lots", "failed to convert java.lang.String to int"),
				Arguments.of("dynamo.logging.async.shutdown-timeout", "-5s", "the async shutdown timeout must be zero or positive, but is PT-5S"),
				Arguments.of("dynamo.logging.async.enabled", "maybe", toBoolean),
				Arguments.of("dynamo.logging.format", "xml", toEnum + "OutputFormat"),
				Arguments.of("dynamo.logging.output", "stdrr", toEnum + "OutputStreamName"),
				Arguments.of("dynamo.logging.file-format", "csv", toEnum + "FileFormat"),
				Arguments.of("dynamo.logging.caller-data", "maybe", toBoolean),
				Arguments.of("dynamo.logging.local-time", "maybe", toBoolean),
				Arguments.of("dynamo.logging.enabled", "maybe", toBoolean),
				Arguments.of("dynamo.logging.fields.time", "noon",
						"dynamo.logging.fields.time cannot be used: 'time' is a key the starter writes itself ("),
				Arguments.of("dynamo.logging.caller-data-skip-packages", "com/example/log",
						"holds 'com/example/log', which is not a Java package or class name; name the package of your logging facade"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("badOutputSettings")
	void aBadOutputSettingStopsTheStartWithAFailureAnalysisInTheChosenFormat(String property, String value,
			String rule) {
		assertThatThrownBy(() -> start(Map.of(), "--" + property + "=" + value))
			.hasStackTraceContaining("Failed to bind properties under 'dynamo.logging");
		// lines() parses every stderr line: the whole start, failure analysis included, is JSONL.
		List<String> errors = failureAnalyses();
		assertThat(errors).singleElement().asString().contains(property).contains(value).contains(rule);
		System.out.printf("[hardening] bad %s=%s: start refused, failure analysis as a JSON line%n", property, value);
	}

	@Test
	void inReadableTheFailureReportIsOneEventWithItsFurtherLinesIndented() {
		assertThatThrownBy(() -> start(Map.of("DYN_LOGGING_JSONL", "0", "DYN_LOGGING_CONSOLE_FORMAT", "readable"),
				"--dynamo.logging.async.queue-size=0"))
			.hasStackTraceContaining("Failed to bind properties");
		List<String> lines = List.of(this.stderr.text().split("\n"));
		int report = lines.indexOf("  APPLICATION FAILED TO START");
		assertThat(report).as("the report's title on a line of its own in %s", lines).isPositive();
		assertThat(lines.get(report - 1)).isEqualTo("  ***************************");
		assertThat(lines).contains("  Description:", "  Action:")
			.allMatch((line) -> READABLE_EVENT.matcher(line).lookingAt() || line.startsWith("  "));
		assertThat(lines.stream().filter((line) -> line.contains("\\n"))).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
