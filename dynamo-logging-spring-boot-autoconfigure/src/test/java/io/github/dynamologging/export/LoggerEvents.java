package io.github.dynamologging.export;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** The events one class's logger writes during each test (a JUnit extension: register it as a field). */
final class LoggerEvents implements BeforeEachCallback, AfterEachCallback {

	private final Logger logger;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	LoggerEvents(Class<?> loggingClass) {
		this.logger = (Logger) LoggerFactory.getLogger(loggingClass);
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
	}

	List<ILoggingEvent> list() {
		return this.appender.list;
	}

}
