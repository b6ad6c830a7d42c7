package io.github.dynamologging.output;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

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
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Swaps Spring Boot's {@code CONSOLE} appender for one that writes Dynamo's format, right after Boot has
 * initialised logging and before anything else logs, so the first line is already in the chosen format.
 * <p>
 * Boot still does everything else: levels from {@code logging.level.*}, the file appender (whose format
 * {@link FileOutputEnvironmentPostProcessor} chose), the {@code logging.threshold.console} filter (carried
 * over). Boot's console kept at the user's request, or a Logback configuration of the user's own, is left
 * alone as {@link ConsoleChoice} decides, with one line saying so. Boot's console is replaced rather than
 * given an encoder because it writes only to stdout and cannot queue.
 * <p>
 * With {@code dynamo.logging.async.enabled} the console sits behind a bounded queue
 * ({@link AsyncConsoleAppender}), flushed when the application context closes; the appender keeps running
 * for what is logged later, and Boot's logging shutdown hook stops it at JVM exit, within what is left of
 * the same {@code shutdown-timeout}.
 */
class ConsoleOutputInstaller implements GenericApplicationListener {

	/** Just after Boot's logging initialisation. */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

	static final String CONSOLE_APPENDER = "CONSOLE";

	private static final String ASYNC_PREFIX = "dynamo.logging.async";

	private static final String FORMAT_PROPERTY = "dynamo.logging.format";

	/** The console appender behind the async queue, in async mode. */
	static final String SYNC_CONSOLE_APPENDER = "DYNAMO_CONSOLE";

	/** Why the async console cannot run here ({@link AsyncSupport}), {@code null} when it can. */
	private final Supplier<String> asyncProblem;

	public ConsoleOutputInstaller() {
		this(() -> AsyncSupport.problem(ConsoleOutputInstaller.class.getClassLoader()));
	}

	ConsoleOutputInstaller(Supplier<String> asyncProblem) {
		this.asyncProblem = asyncProblem;
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.toClass();
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
				|| ContextClosedEvent.class.isAssignableFrom(type);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			install(prepared.getEnvironment());
		}
		else if (event instanceof ContextClosedEvent) {
			AsyncOutput.flushInstalled();
		}
	}

	void install(ConfigurableEnvironment environment) {
		OutputProperties properties;
		try {
			properties = Binder.get(environment).bindOrCreate("dynamo.logging", OutputProperties.class);
		}
		catch (BindException ex) {
			// A bad setting fails the start, but its failure analysis still comes out in the chosen format,
			// like a bad TOML file's: install the console with the settings that are valid first.
			install(environment, validPart(environment, ex.getName().toString()));
			throw ex;
		}
		install(environment, properties);
	}

	/**
	 * The settings without the bad one: the async queue stays off when an async setting is bad, and a bad
	 * format gives JSONL, because a JSON line is still legible to a person while a readable line would
	 * break a log pipeline that parses JSON.
	 */
	private static OutputProperties validPart(ConfigurableEnvironment environment, String badProperty) {
		OutputProperties properties = OutputProperties.validPart(environment);
		if (badProperty.startsWith(ASYNC_PREFIX)) {
			properties.getAsync().setEnabled(false);
		}
		if (badProperty.equals(FORMAT_PROPERTY)) {
			properties.setFormat(OutputFormat.JSONL);
		}
		return properties;
	}

	private void install(ConfigurableEnvironment environment, OutputProperties properties) {
		ILoggerFactory loggerFactory = LoggerFactory.getILoggerFactory();
		if (!properties.isEnabled() || !(loggerFactory instanceof LoggerContext context)) {
			return;
		}
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		Appender<ILoggingEvent> bootConsole = root.getAppender(CONSOLE_APPENDER);
		ConsoleChoice choice = ConsoleChoice.of(environment, bootConsole != null, writesDynamoLines(root));
		String asyncProblem = (choice.replace() && properties.getAsync().isEnabled()) ? this.asyncProblem.get()
				: null;
		if (asyncProblem != null) {
			properties.getAsync().setEnabled(false);
		}
		if (choice.replace()) {
			replace(environment, properties, context, root, bootConsole);
		}
		// On every appender with the starter's encoders, the application's own included.
		ExtraFieldsInstaller.install(context, properties.extraFields());
		CallerDataSkipPackages.install(context, properties.getCallerDataSkipPackages());
		// Logged once the console is in place, so the lines are in the format that is in charge.
		org.slf4j.Logger log = LoggerFactory.getLogger(ConsoleOutputInstaller.class);
		if (choice.message() != null) {
			if (choice.warning()) {
				log.warn(choice.message());
			}
			else {
				log.info(choice.message());
			}
		}
		if (asyncProblem != null) {
			log.warn(asyncProblem);
		}
	}

	/**
	 * Whether an appender of the user's own uses one of the starter's encoders. {@code CONSOLE} does not
	 * count: it may be the starter's console of an earlier start, which Boot keeps when it does not set up
	 * Logback again, and is replaced like any {@code CONSOLE}.
	 */
	private static boolean writesDynamoLines(Logger root) {
		Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders();
		while (appenders.hasNext()) {
			Appender<ILoggingEvent> appender = appenders.next();
			if (!CONSOLE_APPENDER.equals(appender.getName()) && ConsoleFormats.formatOf(appender).isPresent()) {
				return true;
			}
		}
		return false;
	}

	private static void replace(ConfigurableEnvironment environment, OutputProperties properties,
			LoggerContext context, Logger root, Appender<ILoggingEvent> bootConsole) {
		// Caller data only matters to JSONL lines; finding it costs a stack walk per event.
		boolean callerData = properties.isCallerData() && properties.getFormat() == OutputFormat.JSONL;
		OutputProperties.Async async = properties.getAsync();
		ConsoleAppender<ILoggingEvent> console = (callerData && !async.isEnabled())
				? new CallerLocatingConsoleAppender() : new ConsoleAppender<>();
		console.setContext(context);
		console.setName(CONSOLE_APPENDER);
		console.setTarget(properties.getOutput().logbackTarget());
		console.setEncoder(encoder(properties, AnsiColour.enabled(environment), context));
		Appender<ILoggingEvent> installed = console;
		if (async.isEnabled()) {
			console.setName(SYNC_CONSOLE_APPENDER);
			installed = new AsyncConsoleAppender(console, async.getQueueSize(), async.getShutdownTimeout(),
					callerData);
			installed.setContext(context);
		}
		// Filters run on the logging thread, so a filtered event takes no room in the async queue.
		List<Filter<ILoggingEvent>> filters = bootConsole.getCopyOfAttachedFiltersList();
		filters.forEach(installed::addFilter);
		installed.start();
		// Add before removing: at no moment is there no console appender.
		root.addAppender(installed);
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
