package io.github.dynamologging.output;

import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The async console installed on the JVM's Logback context, if any: looked up on each use, because Boot
 * installs a new one each time it initialises logging.
 */
final class AsyncOutput {

	static final String DROPPED_METRIC = "dynamo.logging.events.dropped";

	private AsyncOutput() {
	}

	static Optional<AsyncConsoleAppender> installed() {
		ILoggerFactory loggerFactory = LoggerFactory.getILoggerFactory();
		if (loggerFactory instanceof LoggerContext context && context.getLogger(Logger.ROOT_LOGGER_NAME)
			.getAppender(ConsoleOutputInstaller.CONSOLE_APPENDER) instanceof AsyncConsoleAppender async) {
			return Optional.of(async);
		}
		return Optional.empty();
	}

	/** Events dropped by the installed async console; 0 when none is installed. */
	static double droppedTotal() {
		return installed().map(AsyncConsoleAppender::droppedTotal).orElse(0L);
	}

}
