package io.github.dynamologging.output;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes {@link OutputProperties} so {@code /actuator/configprops} shows them. The console itself is
 * set up before any context exists, by {@link ConsoleOutputInstaller}.
 */
@AutoConfiguration
@EnableConfigurationProperties(OutputProperties.class)
public class OutputAutoConfiguration {

	/** The async console's drops, where the application has Micrometer metrics (e.g. with actuator). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBooleanProperty("dynamo.logging.async.enabled")
	static class DroppedLinesMetric {

		@Bean
		MeterBinder dynamoDroppedLinesMetric() {
			return (registry) -> FunctionCounter.builder(AsyncOutput.DROPPED_METRIC, AsyncOutput.class,
					(ignored) -> AsyncOutput.droppedTotal())
				.description("Log events the async console dropped because its queue was full")
				.baseUnit("events")
				.register(registry);
		}

	}

}
