package io.github.dynamologging.config;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigSourcesAutoConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigSourcesAutoConfiguration.class));

	@Test
	void defaultFileIsDynamosAndNoFileIsNamed() {
		this.contextRunner.run((context) -> {
			LoggingConfigFileProperties properties = context.getBean(LoggingConfigFileProperties.class);
			assertThat(properties.getConfigPath()).isNull();
			assertThat(properties.getDefaultConfigPath()).isEqualTo("/opt/dynamo/etc/logging.toml");
		});
	}

	@Test
	void showsTheNamedFile() {
		this.contextRunner.withPropertyValues("dynamo.logging.config-path=/etc/app/logging.toml")
			.run((context) -> assertThat(context.getBean(LoggingConfigFileProperties.class).getConfigPath())
				.isEqualTo("/etc/app/logging.toml"));
	}

}
