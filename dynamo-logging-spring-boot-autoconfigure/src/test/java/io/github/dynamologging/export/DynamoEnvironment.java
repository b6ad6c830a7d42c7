package io.github.dynamologging.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.config.DynamoLoggingEnvironmentPostProcessor;
import io.github.dynamologging.config.internal.ConfigurationLog;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Runs the starter's real environment post-processor over an environment whose environment variables,
 * system properties and application.yml are maps the test fills, and keeps the WARN lines it writes.
 * Public for the cross-feature tests in {@code hardening}.
 */
public final class DynamoEnvironment {

	public final Map<String, Object> variables = new LinkedHashMap<>();

	final Map<String, Object> systemProperties = new LinkedHashMap<>();

	final Map<String, Object> applicationYml = new LinkedHashMap<>();

	private final List<String> warnings = new ArrayList<>();

	DynamoEnvironment variable(String name, String value) {
		this.variables.put(name, value);
		return this;
	}

	/**
	 * A context with Boot's OpenTelemetry SDK, tracing, logging and their OTLP auto-configurations and the starter's
	 * export auto-configuration, its environment post-processed with these maps.
	 */
	ApplicationContextRunner exportContext() {
		return new ApplicationContextRunner().withInitializer((context) -> process(context.getEnvironment()))
			.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
					OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
					OpenTelemetryLoggingAutoConfiguration.class, OtlpLoggingAutoConfiguration.class,
					OtlpExportAutoConfiguration.class));
	}

	StandardEnvironment process() {
		StandardEnvironment environment = new StandardEnvironment();
		process(environment);
		return environment;
	}

	/** Replaces the environment's variables and system properties by the maps, then post-processes it. */
	void process(ConfigurableEnvironment environment) {
		replaceSources(environment);
		Logger logger = (Logger) LoggerFactory.getLogger(ConfigurationLog.LOGGER);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			DeferredLogs logs = new DeferredLogs();
			new DynamoLoggingEnvironmentPostProcessor(logs, new DefaultBootstrapContext())
				.postProcessEnvironment(environment, new SpringApplication());
			logs.switchOverAll();
		}
		finally {
			logger.detachAppender(appender);
		}
		appender.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.forEach(this.warnings::add);
	}

	/**
	 * Puts the maps in place of the environment's variables and system properties, and the yml map last;
	 * for an application run, whose own start then runs the post-processor.
	 */
	public void replaceSources(ConfigurableEnvironment environment) {
		String systemProperties = StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME;
		String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace(systemProperties, new MapPropertySource(systemProperties, this.systemProperties));
		sources.replace(systemEnvironment, new SystemEnvironmentPropertySource(systemEnvironment, this.variables));
		sources.addLast(new MapPropertySource("application.yml", this.applicationYml));
	}

	List<String> warnings() {
		return this.warnings;
	}

}
