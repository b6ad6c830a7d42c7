package io.github.dynamologging.export;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Connects the {@link OtlpLogAppender} to the context's logger provider once every bean exists, so the lines
 * kept since the start go out; with no OTLP log exporter in the context after all (an application bean
 * replaced it, a condition turned it off) it takes the appender away instead. Takes it away when the context
 * closes, too: a later context in the same JVM attaches its own.
 */
final class OtlpLogConnection implements SmartInitializingSingleton, DisposableBean {

	private final SdkLoggerProvider provider;

	private final boolean exporting;

	private final ExportFailures failures;

	/**
	 * @param provider the context's logger provider, {@code null} when there is none
	 * @param exporting whether the context has an OTLP log exporter
	 */
	OtlpLogConnection(SdkLoggerProvider provider, boolean exporting, ExportFailures failures) {
		this.provider = provider;
		this.exporting = exporting;
		this.failures = failures;
	}

	@Override
	public void afterSingletonsInstantiated() {
		OtlpLogAppender appender = appender();
		if (appender == null) {
			return;
		}
		if (this.provider != null && this.exporting) {
			appender.connect(this.provider, this.failures);
		}
		else {
			detach(appender);
		}
	}

	@Override
	public void destroy() {
		OtlpLogAppender appender = appender();
		if (appender != null) {
			detach(appender);
		}
	}

	private static void detach(OtlpLogAppender appender) {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
		}
		appender.stop();
	}

	static OtlpLogAppender appender() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return null;
		}
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Appender<ILoggingEvent> appender = root.getAppender(OtlpLogAppender.NAME);
		return (appender instanceof OtlpLogAppender otlp) ? otlp : null;
	}

}
