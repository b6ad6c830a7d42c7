package io.github.dynamologging.export;

import io.github.dynamologging.config.ConfigSources;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The exporter's own lines are off among the starter's defaults, and only while the starter is on. */
class ExporterLogDefaultsTests {

	private static final String EXPORTER_LEVEL = "logging.level.[io.opentelemetry.exporter]";

	@Test
	void exporterLinesAreOffAmongTheStartersDefaults() {
		StandardEnvironment environment = new DynamoEnvironment().process();
		assertThat(environment.getPropertySources().get(ConfigSources.DEFAULTS).getProperty(EXPORTER_LEVEL))
			.isEqualTo("off");
		assertThat(environment.getProperty(EXPORTER_LEVEL)).isEqualTo("off");
	}

	@Test
	void anySourceAboveTakesPrecedence() {
		DynamoEnvironment env = new DynamoEnvironment().variable("DYN_LOG", "info,io.opentelemetry.exporter=warn");
		assertThat(env.process().getProperty(EXPORTER_LEVEL)).isEqualTo("warn");
	}

	@Test
	void nothingWhenTheStarterIsOff() {
		DynamoEnvironment env = new DynamoEnvironment();
		env.systemProperties.put("dynamo.logging.enabled", "false");
		assertThat(env.process().getProperty(EXPORTER_LEVEL)).isNull();
	}

}
