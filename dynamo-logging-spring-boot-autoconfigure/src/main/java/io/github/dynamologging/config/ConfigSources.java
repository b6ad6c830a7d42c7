package io.github.dynamologging.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.dynamologging.config.internal.ConfigContribution;
import io.github.dynamologging.config.internal.ConfigurationLog;
import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Dynamo's configuration sources and their precedence (docs/configuration.md), as property sources in
 * Spring's environment, highest first:
 * <ol>
 * <li>command line and system properties (Spring's own);</li>
 * <li>{@value #ENVIRONMENT_VARIABLES}: the {@code DYN_*} variables ({@link EnvironmentVariableMapping}) and
 * those of each {@link ConfigContribution} (the {@code OTEL_*} ones), immediately before
 * {@code systemEnvironment};</li>
 * <li>{@code systemEnvironment};</li>
 * <li>{@value #CONFIG_FILE}, the TOML file at {@code dynamo.logging.config-path}, then
 * {@value #DEFAULT_CONFIG_FILE}, the one at {@code dynamo.logging.default-config-path}: above
 * application.yml;</li>
 * <li>application.yml and application.properties;</li>
 * <li>{@value #DEFAULTS}: the quiet-library levels and the contributions' levels and properties, last.</li>
 * </ol>
 * Start-up ({@link DynamoLoggingEnvironmentPostProcessor}) and the config file watcher both place the TOML
 * files through {@link #putConfigFile}, the one rule for where they go. Levels become
 * {@code logging.level.*} properties, which Boot's binder merges per logger across sources.
 * <p>
 * Not API: may change in any release. Public only because {@code runtime} re-reads the TOML files through it.
 */
public final class ConfigSources {

	/** The mapped environment variables. */
	public static final String ENVIRONMENT_VARIABLES = "dynamoEnvironmentVariables";

	/** The levels of the TOML file named by {@code dynamo.logging.config-path}. */
	public static final String CONFIG_FILE = "dynamoLoggingConfigFile";

	/** The levels of the TOML file at {@code dynamo.logging.default-config-path}. */
	public static final String DEFAULT_CONFIG_FILE = "dynamoDefaultLoggingConfigFile";

	/** The built-in defaults. */
	public static final String DEFAULTS = "dynamoLoggingDefaults";

	/** Java counterparts of Dynamo's noisy libraries; any source above the defaults overrides them. */
	public static final LogFilter QUIET_LIBRARIES = LogFilter
		.parseStrict("io.netty=error,io.grpc=error,io.opentelemetry=error,reactor.netty=error,org.apache.hc=error");

	private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

	private static final String SYSTEM_PROPERTIES = StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME;

	/** The properties the dump shows: the logging and tracing ones. */
	private static final List<String> DUMPED_PREFIXES = List.of("dynamo.logging.", "logging.", "management.tracing.",
			"management.opentelemetry.", "management.logging.", "spring.output.ansi.", "spring.application.name");

	/** How the dump names the sources people know by another name. */
	private static final Map<String, String> SOURCE_LABELS = Map.of("commandLineArgs", "command line",
			SYSTEM_PROPERTIES, "system properties", ENVIRONMENT_VARIABLES, "DYN_*/OTEL_* environment variables",
			SYSTEM_ENVIRONMENT, "environment variables (Spring's relaxed names)", DEFAULTS, "built-in defaults",
			ConfigurationLog.LEVEL_SOURCE_NAME, "the configuration messages' own level");

	/** The two TOML files, highest first, each with its property source. */
	public enum TomlFile {

		/** The file named by {@code DYN_LOGGING_CONFIG_PATH} or {@code dynamo.logging.config-path}. */
		NAMED(CONFIG_FILE),

		/** The file at {@code dynamo.logging.default-config-path}. */
		DEFAULT(DEFAULT_CONFIG_FILE);

		private final String sourceName;

		TomlFile(String sourceName) {
			this.sourceName = sourceName;
		}

		/** The name of its property source. */
		public String sourceName() {
			return this.sourceName;
		}

	}

	private final List<ConfigContribution> contributions;

	ConfigSources(List<ConfigContribution> contributions) {
		this.contributions = List.copyOf(contributions);
	}

	/** With the contributions listed in {@code META-INF/spring.factories}. */
	static ConfigSources load(ClassLoader classLoader) {
		return new ConfigSources(
				SpringFactoriesLoader.forDefaultResourceLocation(classLoader).load(ConfigContribution.class));
	}

	/**
	 * Maps the environment variables and puts them immediately before {@code systemEnvironment}.
	 * @param warnings receives one line per bad value
	 * @return the source, which the caller may still add to; not in the environment when empty
	 */
	MapPropertySource putEnvironmentVariables(ConfigurableEnvironment environment, Consumer<String> warnings) {
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> systemEnvironment = sources.get(SYSTEM_ENVIRONMENT);
		Function<String, String> variables = (name) -> (systemEnvironment != null)
				? Objects.toString(systemEnvironment.getProperty(name), null) : null;
		Map<String, Object> properties = new LinkedHashMap<>(EnvironmentVariableMapping.properties(variables, warnings));
		this.contributions.forEach((contribution) -> properties.putAll(contribution.fromEnvironmentVariables(variables, warnings)));
		MapPropertySource source = new MapPropertySource(ENVIRONMENT_VARIABLES, properties);
		sources.remove(ENVIRONMENT_VARIABLES);
		if (sources.contains(SYSTEM_ENVIRONMENT)) {
			sources.addBefore(SYSTEM_ENVIRONMENT, source);
		}
		else if (sources.contains(SYSTEM_PROPERTIES)) {
			sources.addAfter(SYSTEM_PROPERTIES, source);
		}
		else {
			sources.addFirst(source);
		}
		// Read with the mapped variables in place, so a property set above them still wins.
		this.contributions.forEach((contribution) -> properties
			.putAll(contribution.fromSettings(environment, variables, warnings)));
		return source;
	}

	/** Takes the environment-variable source out again when nothing was mapped. */
	static void dropIfEmpty(MutablePropertySources sources, MapPropertySource environmentVariables) {
		if (environmentVariables.getSource().isEmpty()) {
			sources.remove(environmentVariables.getName());
		}
	}

	/**
	 * Puts a TOML file's levels in place of its source, or, the first time, at its place: the named file
	 * immediately below the environment variables, the default file immediately below the named one. Both
	 * start-up and the config file watcher go through here.
	 */
	public static void putConfigFile(MutablePropertySources sources, TomlFile file, LogFilter levels) {
		MapPropertySource source = new MapPropertySource(file.sourceName(),
				new LinkedHashMap<>(LoggingLevelProperties.of(levels)));
		if (sources.contains(file.sourceName())) {
			sources.replace(file.sourceName(), source);
		}
		else if (file == TomlFile.DEFAULT && sources.contains(CONFIG_FILE)) {
			sources.addAfter(CONFIG_FILE, source);
		}
		else if (sources.contains(SYSTEM_ENVIRONMENT)) {
			sources.addAfter(SYSTEM_ENVIRONMENT, source);
		}
		else if (sources.contains(ENVIRONMENT_VARIABLES)) {
			sources.addAfter(ENVIRONMENT_VARIABLES, source);
		}
		else if (sources.contains(SYSTEM_PROPERTIES)) {
			sources.addAfter(SYSTEM_PROPERTIES, source);
		}
		else {
			sources.addFirst(source);
		}
	}

	/**
	 * Where the two TOML files are, as the environment names them: the one rule for start-up and the watcher.
	 * @param warnings receives a line for a path that is not valid (that file is then not read)
	 */
	public static TomlPaths tomlPaths(Environment environment, Consumer<String> warnings) {
		LoggingConfigFileProperties properties = Binder.get(environment)
			.bindOrCreate("dynamo.logging", LoggingConfigFileProperties.class);
		String configPath = trimmed(properties.getConfigPath());
		PropertySource<?> variables = (environment instanceof ConfigurableEnvironment configurable)
				? configurable.getPropertySources().get(ENVIRONMENT_VARIABLES) : null;
		Object fromVariable = (variables != null)
				? variables.getProperty(DynamoLoggingEnvironmentPostProcessor.CONFIG_PATH_PROPERTY) : null;
		String namedBy = (configPath != null && configPath.equals(fromVariable))
				? EnvironmentVariableMapping.DYN_LOGGING_CONFIG_PATH
				: DynamoLoggingEnvironmentPostProcessor.CONFIG_PATH_PROPERTY;
		Path named = toPath(configPath, namedBy, warnings);
		Path fallback = toPath(trimmed(properties.getDefaultConfigPath()),
				DynamoLoggingEnvironmentPostProcessor.DEFAULT_CONFIG_PATH_PROPERTY, warnings);
		return new TomlPaths(named, namedBy, (fallback != null && fallback.equals(named)) ? null : fallback);
	}

	private static @Nullable Path toPath(@Nullable String path, String namedBy, Consumer<String> warnings) {
		if (path == null || path.isEmpty()) {
			return null;
		}
		try {
			return Path.of(path).toAbsolutePath().normalize();
		}
		catch (InvalidPathException ex) {
			warnings.accept(namedBy + "='" + path + "' is not a valid file path (" + ex.getReason()
					+ "); starting without it");
			return null;
		}
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value != null) ? value.trim() : null;
	}

	/**
	 * The TOML files' paths, absolute and normalized.
	 * @param named the {@code config-path} file, or {@code null}
	 * @param namedBy the variable or property that named it
	 * @param fallback the {@code default-config-path} file, or {@code null} (also when it is the named one)
	 */
	public record TomlPaths(@Nullable Path named, String namedBy, @Nullable Path fallback) {

		/** The files that may apply, highest first. */
		public List<Path> candidates() {
			return Stream.of(this.named, this.fallback).filter(Objects::nonNull).toList();
		}

	}

	/**
	 * The effective configuration as the dump shows it (docs/configuration.md), keys sorted: under
	 * {@code settings} each logging and tracing property any source sets, with its value and the source it
	 * comes from; under {@code environment} the {@code DYN_*} and {@code OTEL_*} variables. Secrets are
	 * {@value ConfigDump#REDACTED}.
	 */
	public static Map<String, Object> describe(ConfigurableEnvironment environment) {
		Map<String, Object> settings = new TreeMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (DUMPED_PREFIXES.stream().anyMatch(name::startsWith) && !settings.containsKey(name)) {
						settings.put(name, setting(environment, name, describeSource(environment, source)));
					}
				}
			}
		}
		Map<String, Object> variables = new TreeMap<>();
		if (environment.getPropertySources().get(SYSTEM_ENVIRONMENT) instanceof EnumerablePropertySource<?> system) {
			for (String name : system.getPropertyNames()) {
				if (name.startsWith("DYN_") || name.startsWith("OTEL_")) {
					variables.put(name, ConfigDump.redacted(name, Objects.toString(system.getProperty(name), null)));
				}
			}
		}
		Map<String, Object> description = new TreeMap<>();
		description.put("settings", settings);
		description.put("environment", variables);
		return description;
	}

	private static Map<String, Object> setting(ConfigurableEnvironment environment, String name, String source) {
		String value;
		try {
			value = environment.getProperty(name);
		}
		catch (RuntimeException ex) {
			// An unresolvable placeholder: the dump still shows the rest.
			value = "<unresolvable: " + ex.getMessage() + ">";
		}
		Map<String, Object> setting = new TreeMap<>();
		setting.put("value", ConfigDump.redacted(name, value));
		setting.put("source", source);
		return setting;
	}

	private static String describeSource(ConfigurableEnvironment environment, PropertySource<?> source) {
		TomlPaths paths = tomlPaths(environment, (warning) -> {
		});
		if (source.getName().equals(CONFIG_FILE) && paths.named() != null) {
			return "TOML file " + paths.named();
		}
		if (source.getName().equals(DEFAULT_CONFIG_FILE) && paths.fallback() != null) {
			return "TOML file " + paths.fallback();
		}
		return SOURCE_LABELS.getOrDefault(source.getName(), source.getName());
	}

	/** Puts the built-in defaults last. */
	void putDefaults(MutablePropertySources sources) {
		LogFilter levels = QUIET_LIBRARIES;
		for (ConfigContribution contribution : this.contributions) {
			levels = contribution.defaultLevels().mergedOver(levels);
		}
		Map<String, Object> defaults = new LinkedHashMap<>(LoggingLevelProperties.of(levels));
		for (ConfigContribution contribution : this.contributions) {
			defaults.putAll(contribution.defaultProperties());
		}
		sources.remove(DEFAULTS);
		sources.addLast(new MapPropertySource(DEFAULTS, defaults));
	}

}
