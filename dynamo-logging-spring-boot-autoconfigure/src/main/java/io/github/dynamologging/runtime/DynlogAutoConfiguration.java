package io.github.dynamologging.runtime;

import java.util.Locale;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.output.OutputFormat;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Runtime level control (SPEC 8): the {@code dynlog} actuator endpoint, available (exposed and accessible)
 * by Boot's {@code management.endpoints.*} and {@code management.endpoint.dynlog.access} rules, over the
 * Logback logger levels.
 */
@AutoConfiguration
@ConditionalOnClass({ Endpoint.class, LoggerContext.class })
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DynlogProperties.class)
public class DynlogAutoConfiguration {

	private static final String SPRING_SECURITY_CLASS = "org.springframework.security.core.Authentication";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(DynlogEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LevelController dynamoLevelController() {
			if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
				throw new IllegalStateException("The dynlog endpoint controls Logback levels, but SLF4J is bound to "
						+ LoggerFactory.getILoggerFactory().getClass().getName()
						+ "; use Logback or turn the endpoint off with management.endpoint.dynlog.access=none");
			}
			return new LevelController(context);
		}

		@Bean
		@ConditionalOnMissingBean
		DynlogEndpoint dynlogEndpoint(LevelController controller, DynlogProperties properties,
				ConfigurableEnvironment environment) {
			String format = Binder.get(environment)
				.bind("dynamo.logging.format", OutputFormat.class)
				.orElse(OutputFormat.READABLE)
				.name()
				.toLowerCase(Locale.ROOT);
			boolean security = ClassUtils.isPresent(SPRING_SECURITY_CLASS, DynlogAutoConfiguration.class.getClassLoader());
			return new DynlogEndpoint(controller, properties.toRules(), format, StartupConfigFiles.of(environment),
					security);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
		DynlogEndpointWebExtension dynlogEndpointWebExtension(DynlogEndpoint endpoint) {
			return new DynlogEndpointWebExtension(endpoint);
		}

	}

}
