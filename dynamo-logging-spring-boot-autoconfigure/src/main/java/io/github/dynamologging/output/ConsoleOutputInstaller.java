package io.github.dynamologging.output;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.filter.Filter;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.format.DynamoReadableEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Swaps Spring Boot's {@code CONSOLE} appender for one that writes Dynamo's format, right after Boot has
 * initialised logging and before anything else logs, so the first line is already in the chosen format.
 * <p>
 * Boot still does everything else: levels from {@code logging.level.*}, the file appender, the
 * {@code logging.threshold.console} filter (carried over). A Logback configuration of the user's own
 * without an appender named {@code CONSOLE} is left alone; it can use the encoders directly.
 */
public class ConsoleOutputInstaller implements GenericApplicationListener {

	/** Just after Boot's logging initialisation. */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

	static final String CONSOLE_APPENDER = "CONSOLE";

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		install(((ApplicationEnvironmentPreparedEvent) event).getEnvironment());
	}

	void install(ConfigurableEnvironment environment) {
		OutputProperties properties = Binder.get(environment).bindOrCreate("dynamo.logging", OutputProperties.class);
		ILoggerFactory loggerFactory = LoggerFactory.getILoggerFactory();
		if (!properties.isEnabled() || !(loggerFactory instanceof LoggerContext context)) {
			return;
		}
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		Appender<ILoggingEvent> bootConsole = root.getAppender(CONSOLE_APPENDER);
		if (bootConsole == null) {
			return;
		}
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setName(CONSOLE_APPENDER);
		console.setTarget(properties.getOutput().logbackTarget());
		console.setEncoder(encoder(properties, AnsiColour.enabled(environment), context));
		List<Filter<ILoggingEvent>> filters = bootConsole.getCopyOfAttachedFiltersList();
		filters.forEach(console::addFilter);
		console.start();
		// Add before removing: at no moment is there no console appender.
		root.addAppender(console);
		root.detachAppender(bootConsole);
		bootConsole.stop();
	}

	private static Encoder<ILoggingEvent> encoder(OutputProperties properties, boolean colour, LoggerContext context) {
		Encoder<ILoggingEvent> encoder;
		if (properties.getFormat() == OutputFormat.JSONL) {
			DynamoJsonlEncoder jsonl = new DynamoJsonlEncoder();
			jsonl.setLocalTime(properties.isLocalTime());
			jsonl.setCallerData(properties.isCallerData());
			encoder = jsonl;
		}
		else {
			DynamoReadableEncoder readable = new DynamoReadableEncoder();
			readable.setLocalTime(properties.isLocalTime());
			readable.setColour(colour);
			encoder = readable;
		}
		encoder.setContext(context);
		encoder.start();
		return encoder;
	}

}
