package io.github.dynamologging.output;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Publishes {@link OutputProperties} so {@code /actuator/configprops} shows them. The console itself is
 * set up before any context exists, by {@link ConsoleOutputInstaller}.
 */
@AutoConfiguration
@EnableConfigurationProperties(OutputProperties.class)
public class OutputAutoConfiguration {

}
