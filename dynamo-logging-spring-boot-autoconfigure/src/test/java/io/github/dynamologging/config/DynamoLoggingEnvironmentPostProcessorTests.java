package io.github.dynamologging.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.github.dynamologging.config.internal.ConfigurationLog;
import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import io.github.dynamologging.testing.LoggerEvents;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static io.github.dynamologging.config.ConfigSources.CONFIG_FILE;
import static io.github.dynamologging.config.ConfigSources.DEFAULTS;
import static io.github.dynamologging.config.ConfigSources.DEFAULT_CONFIG_FILE;
import static io.github.dynamologging.config.ConfigSources.ENVIRONMENT_VARIABLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class DynamoLoggingEnvironmentPostProcessorTests {

	private static final String SYSTEM_PROPERTIES = StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME;

	private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

	private static final String APPLICATION_YML = "application.yml";

	@RegisterExtension
	final LoggerEvents events = new LoggerEvents(ConfigurationLog.LOGGER);

	@TempDir
	Path dir;

	private final Map<String, Object> systemProperties = new LinkedHashMap<>();

	private final Map<String, Object> variables = new LinkedHashMap<>();

	private final Map<String, Object> applicationYml = new LinkedHashMap<>();

	private final DefaultBootstrapContext bootstrapContext = new DefaultBootstrapContext();

	/**
	 * A standard environment with the layout Boot gives it by the time the post-processor runs, with
	 * maps in place of the real system properties and environment variables.
	 */
	private StandardEnvironment process() {
		this.applicationYml.putIfAbsent(DynamoLoggingEnvironmentPostProcessor.DEFAULT_CONFIG_PATH_PROPERTY,
				this.dir.resolve("default-logging.toml").toString());
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace(SYSTEM_PROPERTIES, new MapPropertySource(SYSTEM_PROPERTIES, this.systemProperties));
		sources.replace(SYSTEM_ENVIRONMENT, new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, this.variables));
		sources.addLast(new RandomValuePropertySource());
		sources.addAfter(RandomValuePropertySource.RANDOM_PROPERTY_SOURCE_NAME,
				new MapPropertySource(APPLICATION_YML, this.applicationYml));
		DeferredLogs logs = new DeferredLogs();
		new DynamoLoggingEnvironmentPostProcessor(logs, this.bootstrapContext).postProcessEnvironment(environment,
				new SpringApplication());
		logs.switchOverAll();
		return environment;
	}

	private static Map<String, LogLevel> levels(ConfigurableEnvironment environment) {
		return Binder.get(environment)
			.bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
			.orElseGet(Map::of);
	}

	private static String[] sourceNames(ConfigurableEnvironment environment) {
		return environment.getPropertySources().stream().map(PropertySource::getName).toArray(String[]::new);
	}

	private Path namedToml(String text) throws IOException {
		Path file = Files.writeString(this.dir.resolve("named.toml"), text);
		this.variables.put("DYN_LOGGING_CONFIG_PATH", file.toString());
		return file;
	}

	private Path defaultToml(String text) throws IOException {
		return Files.writeString(this.dir.resolve("default-logging.toml"), text);
	}

	@Nested
	class Precedence {

		@Test
		void sourcesSitInTheOrderOfTheSpec() throws IOException {
			variables.put("DYN_LOG", "info");
			namedToml("log_level = \"warn\"\n");
			defaultToml("log_level = \"error\"\n");
			assertThat(sourceNames(process())).containsExactly(ConfigurationLog.LEVEL_SOURCE_NAME, SYSTEM_PROPERTIES,
					ENVIRONMENT_VARIABLES,
					SYSTEM_ENVIRONMENT, CONFIG_FILE, DEFAULT_CONFIG_FILE,
					RandomValuePropertySource.RANDOM_PROPERTY_SOURCE_NAME, APPLICATION_YML, DEFAULTS);
		}

		@Test
		void systemPropertyBeatsEnvironmentVariable() {
			systemProperties.put("logging.level.com.a", "warn");
			systemProperties.put("logging.level.root", "error");
			variables.put("DYN_LOG", "debug,com.a=debug");
			assertThat(levels(process())).contains(entry("com.a", LogLevel.WARN), entry("root", LogLevel.ERROR));
		}

		@Test
		void environmentVariableBeatsNamedToml() throws IOException {
			variables.put("DYN_LOG", "info,com.a=debug");
			namedToml("log_level = \"warn\"\n[log_filters]\n\"com.a\" = \"error\"\n");
			assertThat(levels(process())).contains(entry("com.a", LogLevel.DEBUG), entry("root", LogLevel.INFO));
		}

		@Test
		void dynLogBeatsBootsOwnEnvironmentVariable() {
			variables.put("LOGGING_LEVEL_COM_A", "warn");
			variables.put("DYN_LOG", "com.a=debug");
			assertThat(levels(process())).contains(entry("com.a", LogLevel.DEBUG));
		}

		@Test
		void namedTomlBeatsDefaultToml() throws IOException {
			namedToml("log_level = \"warn\"\n[log_filters]\n\"com.a\" = \"debug\"\n");
			defaultToml("log_level = \"error\"\n[log_filters]\n\"com.a\" = \"trace\"\n");
			assertThat(levels(process())).contains(entry("com.a", LogLevel.DEBUG), entry("root", LogLevel.WARN));
		}

		@Test
		void defaultTomlBeatsApplicationYml() throws IOException {
			defaultToml("log_level = \"error\"\n[log_filters]\n\"com.a\" = \"trace\"\n");
			applicationYml.put("logging.level.com.a", "warn");
			applicationYml.put("logging.level.root", "debug");
			assertThat(levels(process())).contains(entry("com.a", LogLevel.TRACE), entry("root", LogLevel.ERROR));
		}

		@Test
		void applicationYmlBeatsBuiltInDefaults() {
			applicationYml.put("logging.level.io.netty", "debug");
			Map<String, LogLevel> levels = levels(process());
			assertThat(levels).contains(entry("io.netty", LogLevel.DEBUG), entry("io.grpc", LogLevel.ERROR));
		}

		@Test
		void builtInDefaultsQuietTheNoisyLibraries() {
			assertThat(levels(process())).containsOnly(entry("io.netty", LogLevel.ERROR),
					entry("io.grpc", LogLevel.ERROR), entry("io.opentelemetry", LogLevel.ERROR),
					entry("reactor.netty", LogLevel.ERROR), entry("org.apache.hc", LogLevel.ERROR),
					entry(ConfigurationLog.LOGGER, LogLevel.INFO), entry("io.opentelemetry.exporter", LogLevel.OFF));
		}

		@Test
		void targetsOnlyInALowerSourceStillApply() throws IOException {
			systemProperties.put("logging.level.com.a", "warn");
			variables.put("DYN_LOG", "com.b=debug");
			namedToml("[log_filters]\n\"com.c\" = \"info\"\n");
			defaultToml("log_level = \"error\"\n[log_filters]\n\"com.d\" = \"trace\"\n");
			applicationYml.put("logging.level.com.e", "off");
			assertThat(levels(process())).contains(entry("com.a", LogLevel.WARN), entry("com.b", LogLevel.DEBUG),
					entry("com.c", LogLevel.INFO), entry("com.d", LogLevel.TRACE), entry("com.e", LogLevel.OFF),
					entry("io.netty", LogLevel.ERROR), entry("root", LogLevel.ERROR));
		}

		@Test
		void upperCaseAndDollarInLoggerNamesSurviveBinding() {
			variables.put("DYN_LOG", "com.Example$Inner=debug,com.example=warn,my_app.x-y=trace");
			assertThat(levels(process())).contains(entry("com.Example$Inner", LogLevel.DEBUG),
					entry("com.example", LogLevel.WARN), entry("my_app.x-y", LogLevel.TRACE));
		}

		@Test
		void bootsApplicationYmlFormMergesWithTheSameTargetFromDynLog() {
			variables.put("DYN_LOG", "com.Example=debug");
			applicationYml.put("logging.level.com.Example", "error");
			applicationYml.put("logging.level.[com.example]", "warn");
			assertThat(levels(process())).contains(entry("com.Example", LogLevel.DEBUG),
					entry("com.example", LogLevel.WARN));
		}

	}

	@Nested
	class EnvironmentVariables {

		@Test
		void dynLogLevelsBecomeBootLoggingLevels() {
			variables.put("DYN_LOG", " warn , com.example.api = debug, net.x:error, org.t ");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getPropertySources().get(ENVIRONMENT_VARIABLES).getSource())
				.isEqualTo(Map.of("logging.level.root", "warn", "logging.level.[com.example.api]", "debug",
						"logging.level.[net.x]", "error", "logging.level.[org.t]", "trace"));
			assertThat(events.messages(Level.WARN)).isEmpty();
		}

		@Test
		void invalidDirectivesDrawOneWarningEachAndTheValidOnesApply() {
			variables.put("DYN_LOG", "info,com foo=debug,com.ok=debug,x=loud,a::b");
			Map<String, LogLevel> levels = levels(process());
			assertThat(levels).contains(entry("root", LogLevel.INFO), entry("com.ok", LogLevel.DEBUG))
				.doesNotContainKeys("x", "com foo", "com");
			assertThat(events.messages(Level.WARN)).containsExactly(
					"Ignoring directive 'com foo=debug' in DYN_LOG: a target may only contain letters, digits, '.', '_', '$' and '-'",
					"Ignoring directive 'x=loud' in DYN_LOG: 'loud' is not a level; expected trace, debug, info, "
							+ "warn (or warning), error, off, or a digit 0 (off) to 5 (trace)",
					"Ignoring directive 'a::b' in DYN_LOG: '::' module paths are Rust targets; write a Java logger "
							+ "name such as com.example.api");
		}

		@Test
		void bareWordLikeALevelStillSetsThatLoggerToTraceAndDrawsAWarning() {
			variables.put("DYN_LOG", "warn,debgu");
			Map<String, LogLevel> levels = levels(process());
			assertThat(levels).contains(entry("root", LogLevel.WARN), entry("debgu", LogLevel.TRACE));
			assertThat(events.messages(Level.WARN)).containsExactly("Directive 'debgu' in DYN_LOG is not a level, so "
					+ "it sets the logger 'debgu' to trace; did you mean the level 'debug'? Write debgu=trace to keep "
					+ "the logger and silence this warning");
		}

		@Test
		void noDynamoVariablesMeansNoDynamoVariablesSource() {
			variables.put("PATH", "/usr/bin");
			assertThat(process().getPropertySources().contains(ENVIRONMENT_VARIABLES)).isFalse();
		}

		@Test
		void truthyJsonlSelectsJsonlAndTurnsTheBannerOff() {
			variables.put("DYN_LOGGING_JSONL", " Yes ");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getProperty("dynamo.logging.format")).isEqualTo("jsonl");
			assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		}

		@Test
		void falsyJsonlSelectsReadableAndKeepsTheBanner() {
			variables.put("DYN_LOGGING_JSONL", "0");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getProperty("dynamo.logging.format")).isEqualTo("readable");
			assertThat(environment.getProperty("spring.main.banner-mode")).isNull();
		}

		@Test
		void consoleFormatWinsOverJsonl() {
			variables.put("DYN_LOGGING_JSONL", "1");
			variables.put("DYN_LOGGING_CONSOLE_FORMAT", " Readable ");
			assertThat(process().getProperty("dynamo.logging.format")).isEqualTo("readable");
		}

		@Test
		void consoleFormatJsonlInAnyCase() {
			variables.put("DYN_LOGGING_CONSOLE_FORMAT", "JSONL");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getProperty("dynamo.logging.format")).isEqualTo("jsonl");
			assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		}

		@Test
		void badConsoleFormatMeansReadableWithOneWarningEvenWhenJsonlIsAskedFor() {
			variables.put("DYN_LOGGING_CONSOLE_FORMAT", "xml");
			variables.put("DYN_LOGGING_JSONL", "true");
			assertThat(process().getProperty("dynamo.logging.format")).isEqualTo("readable");
			assertThat(events.messages(Level.WARN)).containsExactly("DYN_LOGGING_CONSOLE_FORMAT='xml' is not a console format; "
					+ "expected readable or jsonl (any case); using readable");
		}

		@Test
		void badBooleanIsFalseWithOneWarning() {
			variables.put("DYN_LOGGING_JSONL", "maybe");
			assertThat(process().getProperty("dynamo.logging.format")).isEqualTo("readable");
			assertThat(events.messages(Level.WARN)).containsExactly("DYN_LOGGING_JSONL='maybe' is not a boolean; expected "
					+ "one of 1, true, on, yes, 0, false, off, no; using false");
		}

		@Test
		void localTimeAndSpanEvents() {
			variables.put("DYN_LOG_USE_LOCAL_TZ", "1");
			variables.put("DYN_LOGGING_SPAN_EVENTS", "off");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getProperty("dynamo.logging.local-time")).isEqualTo("true");
			assertThat(environment.getProperty("dynamo.logging.span-events")).isEqualTo("false");
		}

		@Test
		void disableAnsiWhenTruthy() {
			variables.put("DYN_SDK_DISABLE_ANSI_LOGGING", "true");
			assertThat(process().getProperty("spring.output.ansi.enabled")).isEqualTo("never");
		}

		@Test
		void falsyDisableAnsiSetsNothing() {
			variables.put("DYN_SDK_DISABLE_ANSI_LOGGING", "no");
			assertThat(process().getProperty("spring.output.ansi.enabled")).isNull();
		}

		@Test
		void unsetVariablesSetNothing() {
			ConfigurableEnvironment environment = process();
			assertThat(environment.getProperty("dynamo.logging.format")).isNull();
			assertThat(environment.getProperty("dynamo.logging.local-time")).isNull();
			assertThat(environment.getProperty("dynamo.logging.span-events")).isNull();
			assertThat(environment.getProperty("dynamo.logging.config-path")).isNull();
			assertThat(environment.getProperty("spring.main.banner-mode")).isNull();
		}

		@Test
		void systemPropertyBeatsDynamoVariable() {
			variables.put("DYN_LOGGING_JSONL", "1");
			systemProperties.put("dynamo.logging.format", "readable");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getProperty("dynamo.logging.format")).isEqualTo("readable");
			assertThat(environment.getProperty("spring.main.banner-mode")).isNull();
		}

		@Test
		void jsonlFromApplicationYmlAlsoTurnsTheBannerOff() {
			applicationYml.put("dynamo.logging.format", "JSONL");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
			assertThat(environment.getPropertySources().get(ENVIRONMENT_VARIABLES).getSource())
				.isEqualTo(Map.of("spring.main.banner-mode", "off"));
		}

		@Test
		void configurationMessagesPassWhateverLevelsTheConfigurationSets() throws IOException {
			namedToml("log_level = \"error\"\n");
			assertThat(process().getProperty("logging.level." + ConfigurationLog.LOGGER)).isEqualTo("info");
			systemProperties.put("logging.level.dynamo", "off");
			assertThat(process().getProperty("logging.level." + ConfigurationLog.LOGGER)).isEqualTo("info");
			variables.put("DYN_LOG", "error,dynamo.logging.config=debug");
			assertThat(process().getProperty("logging.level." + ConfigurationLog.LOGGER))
				.as("more verbose on request: the configuration dump").isEqualTo("debug");
		}

		@Test
		void disabledStarterLeavesTheEnvironmentAlone() throws IOException {
			applicationYml.put("dynamo.logging.enabled", "false");
			variables.put("DYN_LOG", "debug");
			variables.put("DYN_LOGGING_JSONL", "1");
			namedToml("log_level = 3\n");
			assertThat(sourceNames(process())).containsExactly(SYSTEM_PROPERTIES, SYSTEM_ENVIRONMENT,
					RandomValuePropertySource.RANDOM_PROPERTY_SOURCE_NAME, APPLICATION_YML);
			assertThat(bootstrapContext.isRegistered(InvalidLoggingConfigFileException.class)).isFalse();
		}

	}

	@Nested
	class ConfigFiles {

		@Test
		void configPathFromDynamoVariable() throws IOException {
			Path file = namedToml("[log_filters]\n\"com.a\" = \"debug\"\n");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getProperty("dynamo.logging.config-path")).isEqualTo(file.toString());
			assertThat(environment.getPropertySources().get(CONFIG_FILE).getSource())
				.isEqualTo(Map.of("logging.level.[com.a]", "debug"));
		}

		@Test
		void configPathFromSystemPropertyOrApplicationYml() throws IOException {
			Path file = Files.writeString(dir.resolve("other.toml"), "log_level = \"debug\"\n");
			systemProperties.put("dynamo.logging.config-path", file.toString());
			assertThat(levels(process())).contains(entry("root", LogLevel.DEBUG));
			systemProperties.clear();
			applicationYml.put("dynamo.logging.config-path", file.toString());
			assertThat(levels(process())).contains(entry("root", LogLevel.DEBUG));
		}

		@Test
		void missingNamedFileWarnsOnceAndStartContinues() {
			Path missing = dir.resolve("missing.toml");
			variables.put("DYN_LOGGING_CONFIG_PATH", missing.toString());
			variables.put("DYN_LOG", "com.a=debug");
			ConfigurableEnvironment environment = process();
			assertThat(levels(environment)).contains(entry("com.a", LogLevel.DEBUG));
			assertThat(environment.getPropertySources().contains(CONFIG_FILE)).isFalse();
			assertThat(events.messages(Level.WARN)).containsExactly("Logging config file " + missing
					+ " named by DYN_LOGGING_CONFIG_PATH does not exist; starting without it");
		}

		@Test
		void missingFileNamedByPropertyNamesTheProperty() {
			Path missing = dir.resolve("missing.toml");
			applicationYml.put("dynamo.logging.config-path", missing.toString());
			process();
			assertThat(events.messages(Level.WARN)).containsExactly("Logging config file " + missing
					+ " named by dynamo.logging.config-path does not exist; starting without it");
		}

		@Test
		void missingDefaultFileIsSilent() {
			ConfigurableEnvironment environment = process();
			assertThat(environment.getPropertySources().contains(DEFAULT_CONFIG_FILE)).isFalse();
			assertThat(events.messages(Level.WARN)).isEmpty();
		}

		@Test
		void unknownKeysWarnOnceEach() throws IOException {
			Path file = namedToml("log_level = \"info\"\nlog_format = \"jsonl\"\n");
			process();
			assertThat(events.messages(Level.WARN)).containsExactly("Ignoring unknown key 'log_format' in logging config file "
					+ file + " (line 2); the known keys are log_level and log_filters");
		}

		@Test
		void sameFileAsNamedAndDefaultIsReadOnce() throws IOException {
			Path file = namedToml("log_level = \"warn\"\n");
			applicationYml.put(DynamoLoggingEnvironmentPostProcessor.DEFAULT_CONFIG_PATH_PROPERTY, file.toString());
			ConfigurableEnvironment environment = process();
			assertThat(environment.getPropertySources().contains(CONFIG_FILE)).isTrue();
			assertThat(environment.getPropertySources().contains(DEFAULT_CONFIG_FILE)).isFalse();
		}

		@Test
		void brokenFileIsRecordedAndThrownOnceLoggingIsUp() throws IOException {
			Path file = namedToml("log_level = \"warn\"\n[log_filters]\n\"com.a\" = 3\n");
			variables.put("DYN_LOG", "com.b=debug");
			ConfigurableEnvironment environment = process();
			assertThat(environment.getPropertySources().contains(CONFIG_FILE)).isFalse();
			assertThat(levels(environment)).contains(entry("com.b", LogLevel.DEBUG));
			InvalidLoggingConfigFileException recorded = bootstrapContext.get(InvalidLoggingConfigFileException.class);
			assertThat(recorded.file()).isEqualTo(file);
			assertThat(recorded.line()).isEqualTo(3);
			ApplicationEnvironmentPreparedEvent event = new ApplicationEnvironmentPreparedEvent(bootstrapContext,
					new SpringApplication(), new String[0], environment);
			assertThatExceptionOfType(InvalidLoggingConfigFileException.class)
				.isThrownBy(() -> new DeferredConfigFileFailureListener().onApplicationEvent(event))
				.isSameAs(recorded);
		}

		@Test
		void brokenDefaultFileFailsToo() throws IOException {
			Path file = defaultToml("log_level = [\n");
			process();
			assertThat(bootstrapContext.get(InvalidLoggingConfigFileException.class).file()).isEqualTo(file);
		}

		@Test
		void listenerDoesNothingWithoutARecordedFailure() {
			ConfigurableEnvironment environment = process();
			ApplicationEnvironmentPreparedEvent event = new ApplicationEnvironmentPreparedEvent(bootstrapContext,
					new SpringApplication(), new String[0], environment);
			new DeferredConfigFileFailureListener().onApplicationEvent(event);
			assertThat(bootstrapContext.isRegistered(InvalidLoggingConfigFileException.class)).isFalse();
		}

	}

}
