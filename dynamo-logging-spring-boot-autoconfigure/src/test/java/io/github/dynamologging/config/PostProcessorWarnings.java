package io.github.dynamologging.config;

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
 * Collects what {@link DynamoLoggingEnvironmentPostProcessor} logs, straight from its Logback logger, so
 * the assertions do not depend on which console appender an earlier test left installed.
 */
class PostProcessorWarnings implements BeforeEachCallback, AfterEachCallback {

	private final Logger logger = (Logger) LoggerFactory.getLogger(DynamoLoggingEnvironmentPostProcessor.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

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

	/** The WARN messages logged so far, in order. */
	List<String> messages() {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

}
