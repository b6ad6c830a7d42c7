package io.github.dynamologging.export;

import io.github.dynamologging.config.DynamoLoggingEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The exporter's own lines are off in a source below every other one, and only while the starter is on. */
class ExporterLogDefaultsTests {

	private static final String EXPORTER_LEVEL = "logging.level.[io.opentelemetry.exporter]";

	@Test
	void exporterLinesAreOffBelowTheStartersDefaults() {
		DynamoEnvironment env = new DynamoEnvironment();
		StandardEnvironment environment = env.process();
		new ExporterLogDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().stream().map(PropertySource::getName))
			.endsWith(DynamoLoggingEnvironmentPostProcessor.DEFAULTS_SOURCE_NAME, ExporterLogDefaults.SOURCE_NAME);
		assertThat(environment.getProperty(EXPORTER_LEVEL)).isEqualTo("off");
	}

	@Test
	void anySourceAboveTakesPrecedence() {
		DynamoEnvironment env = new DynamoEnvironment().variable("DYN_LOG", "info,io.opentelemetry.exporter=warn");
		StandardEnvironment environment = env.process();
		new ExporterLogDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(EXPORTER_LEVEL)).isEqualTo("warn");
	}

	@Test
	void nothingWhenTheStarterIsOff() {
		DynamoEnvironment env = new DynamoEnvironment();
		env.systemProperties.put("dynamo.logging.enabled", "false");
		StandardEnvironment environment = env.process();
		new ExporterLogDefaults().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(ExporterLogDefaults.SOURCE_NAME)).isFalse();
		assertThat(environment.getProperty(EXPORTER_LEVEL)).isNull();
	}

	@Test
	void runsAfterTheStartersOwnPostProcessor() {
		assertThat(new ExporterLogDefaults().getOrder()).isGreaterThan(DynamoLoggingEnvironmentPostProcessor.ORDER);
	}

}
