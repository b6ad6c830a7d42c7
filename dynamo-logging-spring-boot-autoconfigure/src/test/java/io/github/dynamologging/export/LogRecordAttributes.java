package io.github.dynamologging.export;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.dynamologging.format.internal.FieldNames;
import io.opentelemetry.api.common.AttributeKey;

/** What the OTLP log record of an event carries, for tests outside this package. */
public final class LogRecordAttributes {

	private LogRecordAttributes() {
	}

	/** The record's {@code exception.stacktrace}, or {@code null}. */
	public static String stackTrace(ILoggingEvent event) {
		return new LogRecordMapper(false).attributes(event)
			.get(AttributeKey.stringKey(FieldNames.EXCEPTION_STACKTRACE));
	}

}
