package io.github.dynamologging.export;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** OTLP export settings of the starter's own; the rest are Boot's (docs/otlp-export.md). */
@ConfigurationProperties("dynamo.logging.export")
public class ExportProperties {

	/**
	 * Whether spans and log records are exported over OTLP; OTEL_EXPORT_ENABLED maps onto it. True: to the
	 * endpoint, protocol and headers the OTEL_EXPORTER_OTLP_* variables name, else grpc to
	 * http://localhost:4317, above application.yml. False: nothing is exported, whatever endpoint is set.
	 * Unset: the starter sets nothing and Boot's own management.*.export.otlp.* properties decide (an
	 * OTEL_EXPORTER_OTLP_*ENDPOINT variable alone still exports nothing).
	 */
	private @Nullable Boolean enabled;

	/**
	 * Whether the span and log record batch processors are the starter's, which count a full queue and hand
	 * the exporters the SDK's spans uncopied; false: Boot's own, which count neither.
	 */
	private boolean ownProcessors = true;

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isOwnProcessors() {
		return this.ownProcessors;
	}

	public void setOwnProcessors(boolean ownProcessors) {
		this.ownProcessors = ownProcessors;
	}

}
