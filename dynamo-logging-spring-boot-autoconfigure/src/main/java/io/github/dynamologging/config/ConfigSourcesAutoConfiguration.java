package io.github.dynamologging.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Publishes {@link LoggingConfigFileProperties} so {@code /actuator/configprops} shows which TOML files
 * were named. The files themselves are read before any context exists, by
 * {@link DynamoLoggingEnvironmentPostProcessor}.
 */
@AutoConfiguration
@EnableConfigurationProperties(LoggingConfigFileProperties.class)
public class ConfigSourcesAutoConfiguration {

}
