package io.github.dynamologging.output;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.format.ExtraFields;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes {@link OutputProperties} so {@code /actuator/configprops} shows them, and adds the fields of the
 * application's {@link LogLineFields} beans to every line. The console itself is set up before any context exists,
 * by {@link ConsoleOutputInstaller}.
 */
@AutoConfiguration
@EnableConfigurationProperties(OutputProperties.class)
public class OutputAutoConfiguration {

	/**
	 * The properties' fields and the beans', on every encoder of the starter's from the moment this bean is
	 * created; a bad name fails the start naming the bean or the property.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
	ExtraFieldsInstaller.Installed dynamoExtraFields(OutputProperties properties, ListableBeanFactory beanFactory) {
		ExtraFields fields = ExtraFieldsInstaller.merged(properties.extraFields(),
				beanFactory.getBeansOfType(LogLineFields.class));
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			ExtraFieldsInstaller.install(context, fields);
		}
		return new ExtraFieldsInstaller.Installed(fields);
	}

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
