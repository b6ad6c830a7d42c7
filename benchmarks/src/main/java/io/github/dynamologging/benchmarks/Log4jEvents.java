package io.github.dynamologging.benchmarks;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.LoggingEvent;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/**
 * Log4j2's JSON Template Layout with its defaults (the ECS template), and the benchmark's Logback event
 * carried over field by field: same logger, level, message pattern and arguments, throwable, MDC, thread
 * name and instant, no location.
 */
final class Log4jEvents {

	private Log4jEvents() {
	}

	static JsonTemplateLayout layout() {
		return JsonTemplateLayout.newBuilder()
			.setConfiguration(new DefaultConfiguration())
			.setCharset(StandardCharsets.UTF_8)
			.build();
	}

	static LogEvent of(LoggingEvent event) {
		SortedArrayStringMap mdc = new SortedArrayStringMap();
		event.getMDCPropertyMap().forEach(mdc::putValue);
		mdc.freeze();
		MutableInstant instant = new MutableInstant();
		instant.initFromEpochSecond(event.getInstant().getEpochSecond(), event.getInstant().getNano());
		Throwable thrown = (event.getThrowableProxy() != null) ? Events.exception() : null;
		ParameterizedMessage message = new ParameterizedMessage(event.getMessage(), event.getArgumentArray());
		message.getFormattedMessage();
		return Log4jLogEvent.newBuilder()
			.setLoggerName(event.getLoggerName())
			.setLevel(Level.valueOf(event.getLevel().levelStr))
			.setMessage(message)
			.setThrown(thrown)
			.setContextData(mdc)
			.setThreadName(event.getThreadName())
			.setInstant(instant)
			.setIncludeLocation(false)
			.build();
	}

}
