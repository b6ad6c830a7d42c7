package io.github.dynamologging.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dynamologging.export.OtlpExportVariables.Signal;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Leaves the OTLP endpoints, protocols and headers to {@link OtlpExportVariables} once the export switch
 * ({@code dynamo.logging.export.enabled}, which {@code OTEL_EXPORT_ENABLED} maps onto) is set. Boot maps the same
 * variables itself, in a source above every other one, by other rules: it appends {@code /v1/traces} or
 * {@code /v1/logs} to the generic endpoint for gRPC too (where it must be used as given), maps the logs endpoint
 * while log export is off, and passes on header entries the exporter then refuses at start. Runs after every
 * environment post-processor and takes those keys out of Boot's source; Boot's mapping of every other variable
 * (sampler, propagators, batch sizes, TLS) stays.
 */
class BootVariableMappingOverlap
		implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The name of the source Boot's {@code OpenTelemetryEnvironmentVariableEnvironmentPostProcessor} adds. */
	static final String BOOT_SOURCE_NAME = "openTelemetryEnvironmentVariables";

	@Override
	public int getOrder() {
		return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		leaveExportKeysToTheStarter(event.getEnvironment());
	}

	static void leaveExportKeysToTheStarter(ConfigurableEnvironment environment) {
		MutablePropertySources sources = environment.getPropertySources();
		if (!(sources.get(BOOT_SOURCE_NAME) instanceof EnumerablePropertySource<?> boot)
				|| !environment.containsProperty(OtlpExportVariables.SWITCH_PROPERTY)
				|| !environment.getProperty("dynamo.logging.enabled", Boolean.class, true)) {
			return;
		}
		List<String> owned = List.of(Signal.values())
			.stream()
			.flatMap((signal) -> List.of(signal.endpointProperty, signal.transportProperty, signal.headersProperty)
				.stream())
			.toList();
		Map<String, Object> kept = new LinkedHashMap<>();
		for (String name : boot.getPropertyNames()) {
			if (owned.stream().noneMatch(name::startsWith)) {
				kept.put(name, boot.getProperty(name));
			}
		}
		sources.replace(BOOT_SOURCE_NAME, new OriginTrackedMapPropertySource(BOOT_SOURCE_NAME, kept));
	}

}
