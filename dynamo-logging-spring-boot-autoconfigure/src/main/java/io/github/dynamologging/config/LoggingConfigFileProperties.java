package io.github.dynamologging.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Dynamo's logging TOML files are (docs/configuration.md). Bound from the environment before the application
 * context exists; {@code DYN_LOGGING_CONFIG_PATH} maps onto {@code config-path}.
 */
@ConfigurationProperties("dynamo.logging")
public class LoggingConfigFileProperties {

	/** Dynamo's default logging TOML file; used when it exists. */
	public static final String DEFAULT_CONFIG_PATH = "/opt/dynamo/etc/logging.toml";

	/**
	 * TOML file with log_level and [log_filters], above the default file. A missing file draws a warning;
	 * a broken one stops the start.
	 */
	private String configPath;

	/** The default logging TOML file, below the config-path file. Ignored silently when missing. */
	private String defaultConfigPath = DEFAULT_CONFIG_PATH;

	/**
	 * File to write the configuration dump to at start: every effective logging and tracing setting with
	 * its source, and the DYN_* and OTEL_* variables, secrets redacted. An INFO line says where.
	 */
	private String configDumpPath;

	public String getConfigPath() {
		return this.configPath;
	}

	public void setConfigPath(String configPath) {
		this.configPath = configPath;
	}

	public String getConfigDumpPath() {
		return this.configDumpPath;
	}

	public void setConfigDumpPath(String configDumpPath) {
		this.configDumpPath = configDumpPath;
	}

	public String getDefaultConfigPath() {
		return this.defaultConfigPath;
	}

	public void setDefaultConfigPath(String defaultConfigPath) {
		this.defaultConfigPath = defaultConfigPath;
	}

}
