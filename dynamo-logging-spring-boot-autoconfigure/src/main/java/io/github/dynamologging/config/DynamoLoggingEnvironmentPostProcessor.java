package io.github.dynamologging.config;

import java.nio.file.Path;
import java.util.Optional;

import io.github.dynamologging.config.internal.ConfigurationLog;
import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import io.github.dynamologging.config.internal.LoggingConfigFile;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts Dynamo's configuration sources into Spring's environment, in the order {@link ConfigSources} owns:
 * the mapped environment variables, the two TOML files, the defaults. Runs right after Boot's config data
 * processing so application.yml can name the TOML file.
 */
// public as Boot's own environment post-processors are: others order themselves against ORDER
public class DynamoLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Right after {@link ConfigDataEnvironmentPostProcessor}, which loads application.yml. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	/** {@code false} turns this post-processor off. */
	public static final String ENABLED_PROPERTY = "dynamo.logging.enabled";

	/** {@code readable} or {@code jsonl}. */
	public static final String FORMAT_PROPERTY = "dynamo.logging.format";

	public static final String LOCAL_TIME_PROPERTY = "dynamo.logging.local-time";

	public static final String SPAN_EVENTS_PROPERTY = "dynamo.logging.span-events";

	public static final String CONFIG_PATH_PROPERTY = "dynamo.logging.config-path";

	public static final String DEFAULT_CONFIG_PATH_PROPERTY = "dynamo.logging.default-config-path";

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
		ConfigSources configSources = ConfigSources.load(getClass().getClassLoader());
		MapPropertySource fromVariables = configSources.putEnvironmentVariables(environment, this.log::warn);
		addConfigFiles(environment);
		configSources.putDefaults(environment.getPropertySources());
		if (isJsonl(environment)) {
			// The banner would be the one non-JSON text on the stream.
			fromVariables.getSource().put("spring.main.banner-mode", "off");
		}
		ConfigSources.dropIfEmpty(environment.getPropertySources(), fromVariables);
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

	private void addConfigFiles(ConfigurableEnvironment environment) {
		ConfigSources.TomlPaths paths = ConfigSources.tomlPaths(environment, this.log::warn);
		Path named = paths.named();
		Path fallback = paths.fallback();
		try {
			Optional<LoggingConfigFile> namedFile = Optional.empty();
			if (named != null) {
				namedFile = LoggingConfigFile.readIfExists(named);
				if (namedFile.isEmpty()) {
					this.log.warn("Logging config file " + named + " named by " + paths.namedBy()
							+ " does not exist; starting without it");
				}
			}
			Optional<LoggingConfigFile> defaultFile = (fallback != null) ? LoggingConfigFile.readIfExists(fallback)
					: Optional.empty();
			namedFile.ifPresent((file) -> addConfigFile(environment, ConfigSources.TomlFile.NAMED, file));
			defaultFile.ifPresent((file) -> addConfigFile(environment, ConfigSources.TomlFile.DEFAULT, file));
		}
		catch (InvalidLoggingConfigFileException ex) {
			// Logging is not set up yet, so a failure analysis now would bypass it; the listener throws
			// this once it is.
			this.bootstrapContext.register(InvalidLoggingConfigFileException.class, InstanceSupplier.of(ex));
		}
	}

	private void addConfigFile(ConfigurableEnvironment environment, ConfigSources.TomlFile which,
			LoggingConfigFile file) {
		file.warnings().forEach(this.log::warn);
		ConfigSources.putConfigFile(environment.getPropertySources(), which, file.filter());
	}

}
