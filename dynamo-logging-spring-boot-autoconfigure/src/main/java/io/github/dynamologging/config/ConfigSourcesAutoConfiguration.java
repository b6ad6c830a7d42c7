package io.github.dynamologging.config;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Publishes {@link LoggingConfigFileProperties} so {@code /actuator/configprops} shows which TOML files
 * were named, and writes the configuration dump once the context's singletons exist. The files themselves
 * are read before any context exists, by {@link DynamoLoggingEnvironmentPostProcessor}.
 */
@AutoConfiguration
@EnableConfigurationProperties(LoggingConfigFileProperties.class)
public class ConfigSourcesAutoConfiguration {

	@Bean
	SmartInitializingSingleton dynamoLoggingConfigDump(ConfigurableEnvironment environment,
			LoggingConfigFileProperties properties) {
		return () -> ConfigDump.write(environment, properties.getConfigDumpPath());
	}

}
