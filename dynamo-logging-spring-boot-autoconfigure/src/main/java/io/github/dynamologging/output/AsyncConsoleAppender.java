package io.github.dynamologging.output;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.github.dynamologging.format.internal.CallerLocator;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;

/**
 * The opt-in async console ({@code dynamo.logging.async.enabled}): a bounded ring buffer in front of the
 * console appender, written by one background thread. A logging thread never waits: an event that finds
 * the buffer full is dropped and counted here, exactly, and reported as a JSON line by
 * {@link AsyncConsoleWriter} (never as Logback status text, which would not be JSON).
 * <p>
 * Everything the line needs from the logging thread is taken before queueing: the message, MDC (trace and
 * request ids), thread name, and the caller ({@code file}/{@code line}), which on the worker thread could
 * no longer be found on the stack.
 * <p>
 * Shutting down has one budget, {@code shutdown-timeout}, that starts with whichever comes first: the
 * flush when the application context closes or the stop by Boot's logging shutdown hook. Each waited the
 * whole timeout before, so a slow console held the JVM's exit for twice as long as configured.
 */
final class AsyncConsoleAppender extends LoggingEventAsyncDisruptorAppender {

	private final boolean callerData;

	private final Appender<ILoggingEvent> console;

	private final LongAdder dropped = new LongAdder();

	private final LongAdder enqueued = new LongAdder();

	private final Duration shutdownTimeout;

	/** When the shutdown budget ends ({@link System#nanoTime()}), or 0 while shutting down has not begun. */
	private final AtomicLong shutdownDeadline = new AtomicLong();

	/**
	 * @param console the appender that writes the lines (started and stopped with this one, written to by
	 * the worker thread only)
	 * @param queueSize the most events queued at once; rounded up to a power of two, as the ring needs
	 * @param shutdownTimeout how long stopping waits at most for queued events to be written
	 * @param callerData whether lines carry {@code file}/{@code line}, so the caller must be found here
	 */
	AsyncConsoleAppender(Appender<ILoggingEvent> console, int queueSize, Duration shutdownTimeout,
			boolean callerData) {
		this.callerData = callerData;
		this.console = console;
		this.shutdownTimeout = shutdownTimeout;
		setName(ConsoleOutputInstaller.CONSOLE_APPENDER);
		setRingBufferSize(ringSize(queueSize));
		setShutdownGracePeriod(ch.qos.logback.core.util.Duration.buildByMilliseconds(shutdownTimeout.toMillis()));
		// Boot prints Logback's WARN statuses as plain text; drops are reported as JSON lines instead.
		setAddDefaultStatusListener(false);
		setThreadNameFormat("dynamo-async-console");
		addAppender(new AsyncConsoleWriter(this, console));
	}

	static int ringSize(int queueSize) {
		return (queueSize <= 1) ? 1 : Integer.highestOneBit(queueSize - 1) << 1;
	}

	@Override
	protected void prepareForDeferredProcessing(ILoggingEvent event) {
		super.prepareForDeferredProcessing(event);
		if (this.callerData) {
			CallerLocator.storeCallerData(event);
		}
	}

	@Override
	protected void fireEventAppended(ILoggingEvent event, long durationInNanos) {
		this.enqueued.increment();
		super.fireEventAppended(event, durationInNanos);
	}

	@Override
	protected void fireEventAppendFailed(ILoggingEvent event, Throwable reason) {
		this.dropped.increment();
		super.fireEventAppendFailed(event, reason);
	}

	@Override
	public void addWarn(String message) {
		// The library's own drop and shutdown warnings: counted here and reported as a JSON line instead.
		if (message.startsWith("Dropped ") || message.startsWith("Some queued events")) {
			addInfo(message);
			return;
		}
		super.addWarn(message);
	}

	/** The appender behind the queue that writes the lines. */
	Appender<ILoggingEvent> console() {
		return this.console;
	}

	/** Events dropped because the queue was full, since start. */
	long droppedTotal() {
		return this.dropped.sum();
	}

	/** Events queued since start (written, being written or still waiting). */
	long enqueuedTotal() {
		return this.enqueued.sum();
	}

	/**
	 * Waits until every event queued so far is written, at most until the shutdown budget ends (it begins
	 * now if it has not yet).
	 * @return whether the queue was emptied in time
	 */
	boolean flush() {
		long deadline = shutdownDeadline();
		while (isStarted() && !isRingBufferEmpty()) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
		return true;
	}

	/** Writes what is queued within what is left of the shutdown budget, then stops writing. */
	@Override
	public void stop() {
		if (!isStarted()) {
			return;
		}
		setShutdownGracePeriod(ch.qos.logback.core.util.Duration
			.buildByMilliseconds(TimeUnit.NANOSECONDS.toMillis(remainingShutdownNanos())));
		super.stop();
	}

	/** Nanoseconds left of the shutdown budget (which begins now if it has not yet); never negative. */
	long remainingShutdownNanos() {
		return Math.max(0, shutdownDeadline() - System.nanoTime());
	}

	private long shutdownDeadline() {
		// 0 marks "not begun", so a deadline that happens to be 0 is moved by a nanosecond.
		long deadline = (System.nanoTime() + this.shutdownTimeout.toNanos()) | 1;
		this.shutdownDeadline.compareAndSet(0, deadline);
		return this.shutdownDeadline.get();
	}

}
