package io.github.dynamologging.runtime;

import java.io.IOException;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.output.ConsoleFormats;
import io.github.dynamologging.rules.RequestRules;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.logging.LoggersEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LoggerGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runtime level control over the Logback logger levels: the {@code dynlog} actuator endpoint (docs/runtime-control.md),
 * there unless {@code dynamo.logging.dynlog.enabled=false} and then available (exposed and accessible) by Boot's
 * {@code management.endpoints.*} and {@code management.endpoint.dynlog.access} rules, and the config file watcher
 * ({@code dynamo.logging.config-watch=true}). Writes through Boot's {@code /actuator/loggers} are checked and
 * audited the same way ({@link LoggersEndpointWriteAdvisor}).
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ DynlogProperties.class, ConfigWatchProperties.class })
public class DynlogAutoConfiguration {

	/** {@code false}: no dynlog endpoint, whatever Boot's exposure and access settings say. */
	static final String ENABLED_PROPERTY = "dynamo.logging.dynlog.enabled";

	/** Actuator is optional: its condition annotations are read only when it is there. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class ActuatorConfiguration {

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnBooleanProperty(name = ENABLED_PROPERTY, matchIfMissing = true)
		@ConditionalOnAvailableEndpoint(DynlogEndpoint.class)
		@Import(LevelControlConfiguration.class)
		static class EndpointConfiguration {

			@Bean
			@ConditionalOnMissingBean
			DynlogEndpoint dynlogEndpoint(LevelController controller, ConfigFiles configFiles,
					DynlogProperties properties, ObjectProvider<RequestRules> requestRules) {
				// What the console really writes: an application's own Logback console may be in charge.
				String format = ConsoleFormats.inCharge();
				return new DynlogEndpoint(controller, properties.toRules(), format, configFiles,
						DynlogEndpoint.writesNeedPrincipal(), requestRules.getIfAvailable());
			}

			@Bean
			@ConditionalOnMissingBean
			@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
			DynlogEndpointWebExtension dynlogEndpointWebExtension(DynlogEndpoint endpoint) {
				return new DynlogEndpointWebExtension(endpoint);
			}

		}

		/** Checks and audits the writes of Boot's own loggers endpoint. */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnAvailableEndpoint(LoggersEndpoint.class)
		@Import(LevelControlConfiguration.class)
		static class LoggersEndpointConfiguration {

			@Bean
			LoggersEndpointWriteAdvisor dynamoLoggersEndpointWriteAdvisor(LevelController controller,
					ObjectProvider<LoggerGroups> groups) {
				return new LoggersEndpointWriteAdvisor(controller, () -> groups.getIfAvailable(LoggerGroups::new));
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("dynamo.logging.config-watch")
	@Import(LevelControlConfiguration.class)
	static class ConfigWatchConfiguration {

		@Bean
		ConfigFileWatcher dynamoConfigFileWatcher(ConfigFiles configFiles, ConfigurableEnvironment environment,
				LevelController controller) throws IOException {
			ConfigFileWatcher watcher = new ConfigFileWatcher(configFiles, environment, controller);
			watcher.start();
			return watcher;
		}

	}

}
