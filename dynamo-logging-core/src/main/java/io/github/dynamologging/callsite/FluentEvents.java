package io.github.dynamologging.callsite;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

import org.slf4j.event.DefaultLoggingEvent;
import org.slf4j.spi.DefaultLoggingEventBuilder;

/**
 * The logger name and message of a fluent statement, read from SLF4J's own builder before its {@code log()}
 * runs, so that its event can be told from others as a classic call's is. The builder keeps them in a
 * protected field with no getter; where that field cannot be read (SLF4J as a named module that does not open
 * it, another builder) both are unknown and the event is matched on what the call passes.
 */
final class FluentEvents {

	/** {@code (DefaultLoggingEventBuilder)DefaultLoggingEvent}; null when the field cannot be read. */
	private static final MethodHandle EVENT = eventGetter();

	private FluentEvents() {
	}

	static String loggerName(Object builder) {
		DefaultLoggingEvent event = eventOf(builder);
		return (event != null) ? event.getLoggerName() : null;
	}

	static String message(Object builder) {
		DefaultLoggingEvent event = eventOf(builder);
		return (event != null) ? event.getMessage() : null;
	}

	private static DefaultLoggingEvent eventOf(Object builder) {
		if (EVENT == null || !(builder instanceof DefaultLoggingEventBuilder)) {
			return null;
		}
		try {
			return (DefaultLoggingEvent) EVENT.invoke((DefaultLoggingEventBuilder) builder);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	private static MethodHandle eventGetter() {
		try {
			return MethodHandles.privateLookupIn(DefaultLoggingEventBuilder.class, MethodHandles.lookup())
				.findGetter(DefaultLoggingEventBuilder.class, "loggingEvent", DefaultLoggingEvent.class);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

}
