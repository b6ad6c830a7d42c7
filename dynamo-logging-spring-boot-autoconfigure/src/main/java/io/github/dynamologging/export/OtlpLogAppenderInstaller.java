package io.github.dynamologging.export;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Attaches the {@link OtlpLogAppender} to the root logger right after Boot has set up logging, when the
 * environment asks for OTLP log export, so the lines of the start are kept until the exporter is ready
 * ({@link OtlpLogConnection} connects it then, or takes it away if the context has no log exporter after all).
 */
class OtlpLogAppenderInstaller implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** After Boot's logging initialisation, and after the console is installed, so the console comes first. */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 2;

	private static final String PROVIDER_CLASS = "io.opentelemetry.sdk.logs.SdkLoggerProvider";

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!ClassUtils.isPresent(PROVIDER_CLASS, getClass().getClassLoader()) || !logsExported(environment)
				|| !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(OtlpLogAppender.NAME) != null) {
			return;
		}
		OtlpLogAppender appender = new OtlpLogAppender(new LogRecordMapper(flag(environment,
				"dynamo.logging.caller-data", true)));
		appender.setContext(context);
		appender.start();
		root.addAppender(appender);
	}

	/** What Boot's OTLP log exporter needs: an endpoint and no switch saying no. */
	static boolean logsExported(ConfigurableEnvironment environment) {
		return flag(environment, "dynamo.logging.enabled", true)
				&& flag(environment, "management.opentelemetry.enabled", true)
				&& flag(environment, OtlpExportVariables.LOGS_ENABLED_PROPERTY,
						flag(environment, "management.logging.export.enabled", true))
				&& environment.containsProperty(OtlpExportVariables.LOGS_ENDPOINT_PROPERTY);
	}

	/** A bad value is reported by whoever binds the property; here it counts as the default. */
	private static boolean flag(ConfigurableEnvironment environment, String name, boolean defaultValue) {
		try {
			return environment.getProperty(name, Boolean.class, defaultValue);
		}
		catch (ConversionException ex) {
			return defaultValue;
		}
	}

}
