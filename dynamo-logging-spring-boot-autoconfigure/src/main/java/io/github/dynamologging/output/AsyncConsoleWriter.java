package io.github.dynamologging.output;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import org.slf4j.event.KeyValuePair;

/**
 * What the async console's worker thread does with each queued event: writes it to the console, and says
 * that lines were dropped, as a WARN line of its own written through the console's encoder (so it is JSON
 * in JSONL mode), right when the queue has room again and at most once a minute.
 * <p>
 * When the appender stops, the shutdown timeout may leave events queued: from then on nothing more is
 * written (the worker may still be busy with its batch), and one last line counts the drops not yet
 * reported plus the events left unwritten, so no line is lost without being counted.
 * <p>
 * Stopping waits for the worker's current write only as long as the shutdown budget allows: a console
 * that blocks (a pipe nobody reads) would otherwise hold the JVM's exit forever. If the write does not
 * finish in time, the worker writes the last line itself once it does.
 */
final class AsyncConsoleWriter extends UnsynchronizedAppenderBase<ILoggingEvent> {

	static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

	static final String MESSAGE = "Dropped log lines: the async log queue was full (at most one such line a minute)";

	private final AsyncConsoleAppender queue;

	private final Appender<ILoggingEvent> console;

	private long written;

	private long reportedTotal;

	private long lastReport;

	private boolean reportedOnce;

	/** Held while writing to the console: the worker's writes and the last line. */
	private final ReentrantLock writing = new ReentrantLock();

	private volatile boolean closed;

	/** Whether the last line is still to be written (by whoever holds {@link #writing} next). */
	private final AtomicBoolean lastLinePending = new AtomicBoolean();

	AsyncConsoleWriter(AsyncConsoleAppender queue, Appender<ILoggingEvent> console) {
		this.queue = queue;
		this.console = console;
		setName("DYNAMO_ASYNC_CONSOLE_WRITER");
	}

	@Override
	public void start() {
		this.console.start();
		super.start();
	}

	/** Called on the worker thread only; not through the base class, whose checks would print status text. */
	@Override
	public void doAppend(ILoggingEvent event) {
		this.writing.lock();
		try {
			if (this.closed) {
				writeLastLineIfPending();
				return;
			}
			long dropped = this.queue.droppedTotal();
			if (dropped != this.reportedTotal) {
				long now = System.nanoTime();
				if (!this.reportedOnce || now - this.lastReport >= REPORT_INTERVAL.toNanos()) {
					this.reportedOnce = true;
					this.lastReport = now;
					report(dropped, 0);
				}
			}
			this.console.doAppend(event);
			this.written++;
			if (this.closed) {
				// Stopping gave up waiting for this write; the last line is ours to write.
				writeLastLineIfPending();
			}
		}
		finally {
			this.writing.unlock();
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		doAppend(event);
	}

	@Override
	public void stop() {
		if (this.closed) {
			return;
		}
		// Pending before closed: a worker that sees closed also sees that the last line is due.
		this.lastLinePending.set(true);
		this.closed = true;
		boolean locked;
		try {
			locked = this.writing.tryLock(this.queue.remainingShutdownNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			locked = false;
		}
		if (!locked) {
			// The console is still busy with the worker's write; the worker writes the last line after it.
			super.stop();
			return;
		}
		try {
			writeLastLineIfPending();
		}
		finally {
			this.writing.unlock();
		}
		super.stop();
	}

	/** The count of drops not yet reported and of events left unwritten, then the console stops. */
	private void writeLastLineIfPending() {
		if (!this.lastLinePending.getAndSet(false)) {
			return;
		}
		long unwritten = Math.max(0, this.queue.enqueuedTotal() - this.written);
		long dropped = this.queue.droppedTotal();
		if (dropped != this.reportedTotal || unwritten > 0) {
			report(dropped, unwritten);
		}
		this.console.stop();
	}

	private void report(long droppedTotal, long unwritten) {
		Logger logger = ((LoggerContext) getContext()).getLogger(AsyncConsoleAppender.class);
		LoggingEvent line = new LoggingEvent(Logger.FQCN, logger, Level.WARN, MESSAGE, null, null);
		line.addKeyValuePair(new KeyValuePair("dropped", droppedTotal - this.reportedTotal + unwritten));
		line.addKeyValuePair(new KeyValuePair("dropped_total", droppedTotal + unwritten));
		if (unwritten > 0) {
			line.addKeyValuePair(new KeyValuePair("unwritten_at_shutdown", unwritten));
		}
		line.addKeyValuePair(new KeyValuePair("queue_size", this.queue.getRingBufferSize()));
		// The caller is this line: the code that writes the report.
		line.setCallerData(StackWalker.getInstance()
			.walk((frames) -> frames.findFirst().map((frame) -> new StackTraceElement[] { frame.toStackTraceElement() }))
			.orElseGet(() -> new StackTraceElement[0]));
		this.reportedTotal = droppedTotal;
		this.console.doAppend(line);
	}

}
