package io.github.dynamologging.callsite.internal;

import java.util.Arrays;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The rewritten logging calls in progress on each thread, innermost last, and the caller each one records.
 * <p>
 * A call is in progress from just before the original SLF4J call until it returns, and everything Logback does
 * for it happens in between, so an appender on the logging thread can take the caller from here instead of
 * walking the stack. Other events can reach the appender while a call is in progress: an argument's
 * {@code toString()} that logs, run by a TurboFilter or an earlier appender. A rewritten one records its own
 * call on top (and removes it when done); one from code that was not rewritten must not inherit the call in
 * progress, so an event is matched against it: the same logger and the very message string the call logs
 * (each where the call site knows it: a fluent {@code log(Supplier)} has no message yet), and no other event
 * matched before. Anything else walks the stack as before.
 *
 * Not API: may change in any release.
 */
public final class ActiveCallSites {

	private static final ThreadLocal<Calls> CALLS = new ThreadLocal<>();

	private ActiveCallSites() {
	}

	/**
	 * The caller data of the rewritten call that logged {@code event}, as a one-frame stack (shared by all the
	 * call's events: never change it); null when the event was not logged by a rewritten call in progress on
	 * this thread.
	 */
	public static StackTraceElement[] callerDataFor(ILoggingEvent event) {
		Calls calls = CALLS.get();
		return (calls != null) ? calls.claim(event) : null;
	}

	/**
	 * Runs {@code call}, which logs one line of {@code message} on the logger {@code loggerName}, with
	 * {@code site} as that line's caller: for code whose call site is fixed and known (the starter's own access
	 * line), so the console need not walk the stack for it, as for a call the plugin rewrote.
	 * @param site the caller, as a one-frame stack (shared by every call: never change it)
	 * @param message the message argument itself: the event is matched to it by identity
	 */
	public static void logAt(StackTraceElement[] site, String loggerName, String message, Runnable call) {
		enter(site, loggerName, message);
		try {
			call.run();
		}
		finally {
			exit();
		}
	}

	public static void enter(StackTraceElement[] site, String loggerName, String message) {
		Calls calls = CALLS.get();
		if (calls == null) {
			calls = new Calls();
			CALLS.set(calls);
		}
		calls.push(site, loggerName, message);
	}

	public static void exit() {
		Calls calls = CALLS.get();
		if (calls != null) {
			calls.pop();
		}
	}

	/** One thread's calls in progress: a stack of reused entries, so a call allocates nothing. */
	private static final class Calls {

		private Call[] calls = new Call[4];

		private int depth;

		void push(StackTraceElement[] site, String loggerName, String message) {
			if (this.depth == this.calls.length) {
				this.calls = Arrays.copyOf(this.calls, this.depth * 2);
			}
			Call call = this.calls[this.depth];
			if (call == null) {
				call = new Call();
				this.calls[this.depth] = call;
			}
			call.site = site;
			call.loggerName = loggerName;
			call.message = message;
			call.event = null;
			this.depth++;
		}

		void pop() {
			if (this.depth > 0) {
				Call call = this.calls[--this.depth];
				// Let the message and the event go: entries outlive the call.
				call.site = null;
				call.loggerName = null;
				call.message = null;
				call.event = null;
			}
		}

		StackTraceElement[] claim(ILoggingEvent event) {
			if (this.depth == 0) {
				return null;
			}
			Call call = this.calls[this.depth - 1];
			if ((call.event != null && call.event != event)
					|| (call.loggerName != null && !call.loggerName.equals(event.getLoggerName()))
					|| (call.message != null && call.message != event.getMessage())) {
				return null;
			}
			call.event = event;
			return call.site;
		}

	}

	/** A call in progress: its caller and what its event must match. */
	private static final class Call {

		StackTraceElement[] site;

		String loggerName;

		/** The message argument itself, compared by identity: Logback keeps the very string in the event. */
		String message;

		/** The event that took this call's caller: one call logs one event. */
		ILoggingEvent event;

	}

}
