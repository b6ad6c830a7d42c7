package io.github.dynamologging.maven;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * Formats each event's message, as an appender placed before the console does (an exporter, a file): an
 * argument's {@code toString()} that logs then sends its own events to the appenders after this one while the
 * outer call is still in progress.
 */
final class FormattingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	@Override
	protected void append(ILoggingEvent event) {
		event.getFormattedMessage();
	}

}
