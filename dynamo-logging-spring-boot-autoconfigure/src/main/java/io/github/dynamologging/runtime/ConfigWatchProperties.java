package io.github.dynamologging.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Re-reading Dynamo's logging TOML files while the service runs (docs/runtime-control.md).
 */
@ConfigurationProperties("dynamo.logging")
public class ConfigWatchProperties {

	/**
	 * Whether the logging TOML files (config-path and default-config-path) are re-read when they change,
	 * e.g. when a Kubernetes ConfigMap mount is updated. A bad, gone, empty or cut-off file keeps the
	 * previous levels and logs one ERROR or WARN per distinct problem.
	 */
	private boolean configWatch;

	public boolean isConfigWatch() {
		return this.configWatch;
	}

	public void setConfigWatch(boolean configWatch) {
		this.configWatch = configWatch;
	}

}
