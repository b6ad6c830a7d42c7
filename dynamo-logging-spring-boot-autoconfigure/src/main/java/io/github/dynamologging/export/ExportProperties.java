package io.github.dynamologging.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** OTLP export settings of the starter's own; the rest are Boot's (docs/otlp-export.md). */
@ConfigurationProperties("dynamo.logging.export")
public class ExportProperties {

	/**
	 * Whether the span and log record batch processors are the starter's, which count a full queue and hand
	 * the exporters the SDK's spans uncopied; false: Boot's own, which count neither.
	 */
	private boolean ownProcessors = true;

	public boolean isOwnProcessors() {
		return this.ownProcessors;
	}

	public void setOwnProcessors(boolean ownProcessors) {
		this.ownProcessors = ownProcessors;
	}

}
