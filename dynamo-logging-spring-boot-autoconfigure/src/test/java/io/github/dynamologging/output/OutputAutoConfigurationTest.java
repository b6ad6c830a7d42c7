package io.github.dynamologging.output;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OutputAutoConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutputAutoConfiguration.class));

	@Test
	void defaultsAreReadableOnStderrInUtcWithCallerData() {
		this.contextRunner.run((context) -> {
			OutputProperties properties = context.getBean(OutputProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getFormat()).isEqualTo(OutputFormat.READABLE);
			assertThat(properties.getOutput()).isEqualTo(OutputStreamName.STDERR);
			assertThat(properties.isLocalTime()).isFalse();
			assertThat(properties.isCallerData()).isTrue();
		});
	}

	@Test
	void propertiesBindInAnyCase() {
		this.contextRunner
			.withPropertyValues("dynamo.logging.format=JsonL", "dynamo.logging.output=stdout",
					"dynamo.logging.local-time=true", "dynamo.logging.caller-data=false")
			.run((context) -> {
				OutputProperties properties = context.getBean(OutputProperties.class);
				assertThat(properties.getFormat()).isEqualTo(OutputFormat.JSONL);
				assertThat(properties.getOutput()).isEqualTo(OutputStreamName.STDOUT);
				assertThat(properties.isLocalTime()).isTrue();
				assertThat(properties.isCallerData()).isFalse();
			});
	}

	@Test
	void anInvalidFormatFailsWithBootsBindingMessage() {
		this.contextRunner.withPropertyValues("dynamo.logging.format=xml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("xml"));
	}

}
