package io.github.dynamologging.testing;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The events one class's logger writes during each test, straight from its Logback logger, so assertions
 * do not depend on which console appender an earlier test left installed (a JUnit extension: register it
 * as a field).
 */
public final class LoggerEvents implements BeforeEachCallback, AfterEachCallback {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	public LoggerEvents(Class<?> loggingClass) {
		this(loggingClass.getName());
	}

	/** The events of the logger of that name. */
	public LoggerEvents(String loggerName) {
		this.logger = (Logger) LoggerFactory.getLogger(loggerName);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.appender.list.clear();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
	}

	public List<ILoggingEvent> list() {
		return this.appender.list;
	}

	/** The formatted messages logged at {@code level} so far, in order. */
	public List<String> messages(Level level) {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

}
