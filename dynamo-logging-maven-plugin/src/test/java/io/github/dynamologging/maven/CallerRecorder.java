package io.github.dynamologging.maven;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.dynamologging.callsite.internal.ActiveCallSites;
import io.github.dynamologging.format.internal.CallerLocator;
import io.github.dynamologging.format.internal.CallerLocator.CallerLocation;

/**
 * Records, for each event, the caller the starter's console stores ({@link CallerLocator#storeCallerData}),
 * whether it came from a recorded call site, and the stack walk's answer for the same event.
 */
final class CallerRecorder extends UnsynchronizedAppenderBase<ILoggingEvent> {

	/** One event as the console saw it. */
	record Seen(String logger, String message, StackTraceElement stored, CallerLocation storedLocation,
			boolean fromCallSite, CallerLocation walked) {

		/** What must not depend on whether the caller's class was rewritten. */
		String caller() {
			return this.logger + " " + this.message + " " + this.stored.getClassName() + "." + this.stored.getMethodName()
					+ " " + this.storedLocation;
		}

	}

	private final List<Seen> seen = new ArrayList<>();

	@Override
	protected void append(ILoggingEvent event) {
		// The walk first: the event has no caller data yet, so locate() walks from here.
		CallerLocator locator = new CallerLocator();
		CallerLocation walked = locator.locate(event);
		CallerLocator.storeCallerData(event);
		boolean fromCallSite = ActiveCallSites.callerDataFor(event) != null;
		// Now from the stored caller data, as the line's file and line fields
		CallerLocation stored = locator.locate(event);
		this.seen.add(new Seen(event.getLoggerName(), event.getMessage(), event.getCallerData()[0], stored,
				fromCallSite, walked));
	}

	List<Seen> seen() {
		return List.copyOf(this.seen);
	}

	void clear() {
		this.seen.clear();
	}

}
