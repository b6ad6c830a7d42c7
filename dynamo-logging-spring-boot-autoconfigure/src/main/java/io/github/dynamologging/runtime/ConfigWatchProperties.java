package io.github.dynamologging.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Re-reading Dynamo's logging TOML files while the service runs (SPEC 2.2).
 */
@ConfigurationProperties("dynamo.logging")
public class ConfigWatchProperties {

	/**
	 * Whether the logging TOML files (config-path and default-config-path) are re-read when they change,
	 * e.g. when a Kubernetes ConfigMap mount is updated. A bad edit keeps the previous levels and logs an
	 * ERROR.
	 */
	private boolean configWatch;

	public boolean isConfigWatch() {
		return this.configWatch;
	}

	public void setConfigWatch(boolean configWatch) {
		this.configWatch = configWatch;
	}

}
