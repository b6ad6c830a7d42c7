package io.github.dynamologging.output;

import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The async console installed on the JVM's Logback context, if any: looked up on each use, because Boot
 * installs a new one each time it initialises logging.
 */
final class AsyncOutput {

	static final String DROPPED_METRIC = "dynamo.logging.events.dropped";

	/** {@link AsyncConsoleAppender}'s name, as a string: the class literal would load the class. */
	private static final String ASYNC_CONSOLE = "io.github.dynamologging.output.AsyncConsoleAppender";

	private AsyncOutput() {
	}

	static Optional<AsyncConsoleAppender> installed() {
		ILoggerFactory loggerFactory = LoggerFactory.getILoggerFactory();
		if (loggerFactory instanceof LoggerContext context) {
			Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME)
				.getAppender(ConsoleOutputInstaller.CONSOLE_APPENDER);
			if (isAsyncConsole(console)) {
				return Optional.of((AsyncConsoleAppender) console);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the appender is the async console. By name, and nowhere a method reference or lambda of its type:
	 * those load the class, which cannot be loaded without logstash-logback-encoder (only the async mode needs it).
	 */
	static boolean isAsyncConsole(Appender<?> appender) {
		return appender != null && appender.getClass().getName().equals(ASYNC_CONSOLE);
	}

	/** Writes what the installed async console holds, within its shutdown budget; nothing when none is. */
	static void flushInstalled() {
		Optional<AsyncConsoleAppender> installed = installed();
		if (installed.isPresent()) {
			installed.get().flush();
		}
	}

	/** Events dropped by the installed async console; 0 when none is installed. */
	static double droppedTotal() {
		Optional<AsyncConsoleAppender> installed = installed();
		return installed.isPresent() ? installed.get().droppedTotal() : 0;
	}

}
