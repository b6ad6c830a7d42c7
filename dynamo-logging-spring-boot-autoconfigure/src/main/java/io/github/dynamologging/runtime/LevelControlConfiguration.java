package io.github.dynamologging.runtime;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What both the endpoint and the config file watcher change levels through; imported by each, so it
 * exists only when one of them does (creating the controller gives the audit logger its own level).
 */
@Configuration(proxyBeanMethods = false)
class LevelControlConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LevelController dynamoLevelController(DynlogProperties properties, ObjectProvider<LoggingSystem> loggingSystem) {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			throw new IllegalStateException("Runtime log level control needs Logback, but SLF4J is bound to "
					+ LoggerFactory.getILoggerFactory().getClass().getName()
					+ "; use Logback, or turn off the dynlog endpoint (management.endpoint.dynlog.access=none) "
					+ "and dynamo.logging.config-watch");
		}
		// Boot's logging system for Logback writes to the same context; then levels go through it, as the
		// loggers endpoint's do. Without it (a context Boot did not set up) straight to Logback.
		LoggingSystem boot = loggingSystem.getIfAvailable();
		return (boot instanceof LogbackLoggingSystem) ? new LevelController(context, boot, properties.toLimits())
				: new LevelController(context, properties.toLimits());
	}

	@Bean
	@ConditionalOnMissingBean
	ConfigFiles dynamoLoggingConfigFiles(ConfigurableEnvironment environment) {
		return ConfigFiles.of(environment);
	}

}
