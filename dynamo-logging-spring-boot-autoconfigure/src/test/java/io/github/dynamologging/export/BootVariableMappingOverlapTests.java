package io.github.dynamologging.export;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot's own mapping of the same variables, above every source, gives way where the starter maps them. */
class BootVariableMappingOverlapTests {

	/** What Boot maps from OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317 and two more variables. */
	private static final Map<String, Object> BOOT_MAPPED = Map.of(
			"management.opentelemetry.tracing.export.otlp.endpoint", "http://collector:4317/v1/traces",
			"management.opentelemetry.logging.export.otlp.endpoint", "http://collector:4317/v1/logs",
			"management.opentelemetry.logging.export.otlp.headers.bad key", "x",
			"management.opentelemetry.tracing.sampler", "always_off");

	@Test
	void withTheSwitchSetTheStartersEndpointsAndHeadersApplyAndBootsOtherMappingsStay() {
		StandardEnvironment environment = environment(Map.of("OTEL_EXPORT_ENABLED", "1",
				"OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));
		BootVariableMappingOverlap.leaveExportKeysToTheStarter(environment);
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
			.isEqualTo("http://collector:4317");
		assertThat(environment.getProperty("management.opentelemetry.logging.export.otlp.endpoint"))
			.isEqualTo("http://collector:4317");
		assertThat(environment.getProperty("management.opentelemetry.logging.export.otlp.headers.bad key")).isNull();
		assertThat(environment.getProperty("management.opentelemetry.tracing.sampler")).isEqualTo("always_off");
	}

	@Test
	void withoutTheSwitchBootsMappingIsLeftAlone() {
		StandardEnvironment environment = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));
		BootVariableMappingOverlap.leaveExportKeysToTheStarter(environment);
		assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
			.isEqualTo("http://collector:4317/v1/traces");
	}

	/** Boot's source first, then the starter's (as the post-processors leave them), then the variables. */
	private static StandardEnvironment environment(Map<String, Object> variables) {
		DynamoEnvironment env = new DynamoEnvironment();
		env.variables.putAll(variables);
		StandardEnvironment environment = env.process();
		environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource(BootVariableMappingOverlap.BOOT_SOURCE_NAME, BOOT_MAPPED));
		assertThat(environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
			.isInstanceOfAny(SystemEnvironmentPropertySource.class, MapPropertySource.class);
		return environment;
	}

}
