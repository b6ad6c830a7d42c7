package io.github.dynamologging.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.github.dynamologging.filter.LogFilter;
import io.github.dynamologging.tracing.TracingDefaults;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Puts Dynamo's configuration sources (SPEC 2) into Spring's environment, highest first:
 * <ol>
 * <li>command line and system properties (Spring's own);</li>
 * <li>{@value #ENVIRONMENT_VARIABLES_SOURCE_NAME}: the {@code DYN_*} variables mapped onto Boot and
 * {@code dynamo.logging.*} properties, immediately before {@code systemEnvironment};</li>
 * <li>{@code systemEnvironment};</li>
 * <li>{@value #CONFIG_FILE_SOURCE_NAME}: the TOML file at {@code dynamo.logging.config-path}, then
 * {@value #DEFAULT_CONFIG_FILE_SOURCE_NAME}: the one at {@code dynamo.logging.default-config-path}, both
 * immediately after {@code systemEnvironment}, so above application.yml;</li>
 * <li>application.yml and application.properties;</li>
 * <li>{@value #DEFAULTS_SOURCE_NAME}: the quiet-library levels (SPEC 3.3) and {@link TracingDefaults}, last.</li>
 * </ol>
 * Levels become {@code logging.level.*} properties, which Boot's binder merges per logger across sources.
 * Runs right after Boot's config data processing so application.yml can name the TOML file.
 */
public class DynamoLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Right after {@link ConfigDataEnvironmentPostProcessor}, which loads application.yml. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	/** The {@code DYN_*} variables, mapped. */
	public static final String ENVIRONMENT_VARIABLES_SOURCE_NAME = "dynamoEnvironmentVariables";

	/** The levels of the TOML file named by {@value #CONFIG_PATH_PROPERTY}. */
	public static final String CONFIG_FILE_SOURCE_NAME = "dynamoLoggingConfigFile";

	/** The levels of the TOML file at {@value #DEFAULT_CONFIG_PATH_PROPERTY}. */
	public static final String DEFAULT_CONFIG_FILE_SOURCE_NAME = "dynamoDefaultLoggingConfigFile";

	/** The built-in defaults. */
	public static final String DEFAULTS_SOURCE_NAME = "dynamoLoggingDefaults";

	/** {@code false} turns this post-processor off. */
	public static final String ENABLED_PROPERTY = "dynamo.logging.enabled";

	/** {@code readable} or {@code jsonl}. */
	public static final String FORMAT_PROPERTY = "dynamo.logging.format";

	public static final String LOCAL_TIME_PROPERTY = "dynamo.logging.local-time";

	public static final String SPAN_EVENTS_PROPERTY = "dynamo.logging.span-events";

	public static final String CONFIG_PATH_PROPERTY = "dynamo.logging.config-path";

	public static final String DEFAULT_CONFIG_PATH_PROPERTY = "dynamo.logging.default-config-path";

	/** Java counterparts of Dynamo's noisy libraries; any source above the defaults overrides them. */
	public static final LogFilter QUIET_LIBRARIES = LogFilter
		.parseStrict("io.netty=error,io.grpc=error,io.opentelemetry=error,reactor.netty=error,org.apache.hc=error");

	private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

	private static final String SYSTEM_PROPERTIES = StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME;

	private final Log log;

	private final ConfigurableBootstrapContext bootstrapContext;

	/**
	 * @param logFactory Boot's factory for logs written once logging is set up
	 * @param bootstrapContext where a broken TOML file is recorded for
	 * {@link DeferredConfigFileFailureListener}
	 */
	public DynamoLoggingEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.log = logFactory.getLog(() -> LogFactory.getLog(ConfigurationLog.LOGGER));
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!isEnabled(environment)) {
			return;
		}
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> systemEnvironment = sources.get(SYSTEM_ENVIRONMENT);
		Function<String, String> variables = (name) -> (systemEnvironment != null)
				? Objects.toString(systemEnvironment.getProperty(name), null) : null;
		MapPropertySource fromVariables = new MapPropertySource(ENVIRONMENT_VARIABLES_SOURCE_NAME,
				new LinkedHashMap<>(EnvironmentVariableMapping.properties(variables, this.log::warn)));
		placeBeforeSystemEnvironment(sources, fromVariables);
		addConfigFiles(environment, variables);
		sources.remove(DEFAULTS_SOURCE_NAME);
		Map<String, Object> defaults = new LinkedHashMap<>(LoggingLevelProperties.of(QUIET_LIBRARIES));
		defaults.putAll(TracingDefaults.PROPERTIES);
		sources.addLast(new MapPropertySource(DEFAULTS_SOURCE_NAME, defaults));
		if (isJsonl(environment)) {
			// The banner would be the one non-JSON text on the stream.
			fromVariables.getSource().put("spring.main.banner-mode", "off");
		}
		if (fromVariables.getSource().isEmpty()) {
			sources.remove(ENVIRONMENT_VARIABLES_SOURCE_NAME);
		}
		ConfigurationLog.pinLevel(environment);
	}

	private static boolean isEnabled(ConfigurableEnvironment environment) {
		try {
			return environment.getProperty(ENABLED_PROPERTY, Boolean.class, true);
		}
		catch (ConversionException ex) {
			// Boot's binding of dynamo.logging reports the bad value with a failure analysis later.
			return true;
		}
	}

	private static boolean isJsonl(ConfigurableEnvironment environment) {
		String format = environment.getProperty(FORMAT_PROPERTY);
		return format != null && format.trim().equalsIgnoreCase(EnvironmentVariableMapping.JSONL);
	}

	private void addConfigFiles(ConfigurableEnvironment environment, Function<String, String> variables) {
		LoggingConfigFileProperties properties = Binder.get(environment)
			.bindOrCreate("dynamo.logging", LoggingConfigFileProperties.class);
		String namedBy = Objects.equals(trimmed(variables.apply(EnvironmentVariableMapping.DYN_LOGGING_CONFIG_PATH)),
				trimmed(properties.getConfigPath())) ? EnvironmentVariableMapping.DYN_LOGGING_CONFIG_PATH
						: CONFIG_PATH_PROPERTY;
		Path named = toPath(properties.getConfigPath(), namedBy);
		Path fallback = toPath(properties.getDefaultConfigPath(), DEFAULT_CONFIG_PATH_PROPERTY);
		try {
			Optional<LoggingConfigFile> namedFile = Optional.empty();
			if (named != null) {
				namedFile = LoggingConfigFile.readIfExists(named);
				if (namedFile.isEmpty()) {
					this.log.warn("Logging config file " + named + " named by " + namedBy
							+ " does not exist; starting without it");
				}
			}
			Optional<LoggingConfigFile> defaultFile = (fallback != null && !fallback.equals(named))
					? LoggingConfigFile.readIfExists(fallback) : Optional.empty();
			// Each goes immediately after systemEnvironment, so the named file ends up above the default.
			defaultFile.ifPresent((file) -> addConfigFile(environment, DEFAULT_CONFIG_FILE_SOURCE_NAME, file));
			namedFile.ifPresent((file) -> addConfigFile(environment, CONFIG_FILE_SOURCE_NAME, file));
		}
		catch (InvalidLoggingConfigFileException ex) {
			// Logging is not set up yet, so a failure analysis now would bypass it; the listener throws
			// this once it is.
			this.bootstrapContext.register(InvalidLoggingConfigFileException.class, InstanceSupplier.of(ex));
		}
	}

	private void addConfigFile(ConfigurableEnvironment environment, String sourceName, LoggingConfigFile file) {
		file.warnings().forEach(this.log::warn);
		placeAfterSystemEnvironment(environment.getPropertySources(),
				new MapPropertySource(sourceName, LoggingLevelProperties.of(file.filter())));
	}

	private Path toPath(String value, String namedBy) {
		String path = trimmed(value);
		if (path == null || path.isEmpty()) {
			return null;
		}
		try {
			return Path.of(path).toAbsolutePath().normalize();
		}
		catch (InvalidPathException ex) {
			this.log.warn(namedBy + "='" + value + "' is not a valid file path (" + ex.getReason()
					+ "); starting without it");
			return null;
		}
	}

	private static String trimmed(String value) {
		return (value != null) ? value.trim() : null;
	}

	private static void placeBeforeSystemEnvironment(MutablePropertySources sources, PropertySource<?> source) {
		sources.remove(source.getName());
		if (sources.contains(SYSTEM_ENVIRONMENT)) {
			sources.addBefore(SYSTEM_ENVIRONMENT, source);
		}
		else if (sources.contains(SYSTEM_PROPERTIES)) {
			sources.addAfter(SYSTEM_PROPERTIES, source);
		}
		else {
			sources.addFirst(source);
		}
	}

	/** Called after {@link #placeBeforeSystemEnvironment}, whose source is the fallback anchor. */
	private static void placeAfterSystemEnvironment(MutablePropertySources sources, PropertySource<?> source) {
		sources.remove(source.getName());
		sources.addAfter(sources.contains(SYSTEM_ENVIRONMENT) ? SYSTEM_ENVIRONMENT : ENVIRONMENT_VARIABLES_SOURCE_NAME,
				source);
	}

}
