package io.github.dynamologging.spanevents;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each open span has been in scope: the sum of the intervals in which at least one scope of
 * the span was open, on any thread (the {@code time.busy_us} of docs/requests-and-traces.md).
 * <p>
 * A span is tracked from {@link #spanStarted} to {@link #spanEnded}, which removes its state. At most
 * {@code maxTrackedSpans} spans are tracked at once, so spans that are never ended cannot grow memory
 * without bound: a span started while the limit is reached is not tracked and its busy time is
 * {@link SpanTimes#UNKNOWN_BUSY} (reported as busy for its whole duration); tracking resumes as soon as
 * tracked spans end. Each thread also keeps the stack of the scopes open on it, at most
 * {@value #MAX_SCOPE_DEPTH} deep; scopes nested deeper are counted but not timed.
 */
final class ScopeTimeTracker {

	/** Default limit of spans tracked at once; each costs about a hundred bytes. */
	static final int DEFAULT_MAX_TRACKED_SPANS = 10_000;

	static final int MAX_SCOPE_DEPTH = 128;

	private static final Logger logger = LoggerFactory.getLogger(ScopeTimeTracker.class);

	private final LongSupplier nanoClock;

	private final int maxTrackedSpans;

	private final Map<SpanContext, Activity> activities = new ConcurrentHashMap<>();

	private final ThreadLocal<ScopeStack> scopeStacks = ThreadLocal.withInitial(ScopeStack::new);

	private final AtomicBoolean limitReported = new AtomicBoolean();

	ScopeTimeTracker() {
		this(System::nanoTime, DEFAULT_MAX_TRACKED_SPANS);
	}

	/**
	 * @param nanoClock a monotonic clock in nanoseconds
	 * @param maxTrackedSpans how many spans may be tracked at once
	 */
	ScopeTimeTracker(LongSupplier nanoClock, int maxTrackedSpans) {
		this.nanoClock = nanoClock;
		this.maxTrackedSpans = maxTrackedSpans;
	}

	void spanStarted(SpanContext span) {
		// size() may lag concurrent starts: the limit can be overrun by the number of racing threads.
		if (this.activities.size() >= this.maxTrackedSpans) {
			if (this.limitReported.compareAndSet(false, true)) {
				logger.warn("{} spans are open at once; spans started beyond that report their whole duration as "
						+ "time.busy_us until some of them end", this.maxTrackedSpans);
			}
			return;
		}
		this.activities.put(span, new Activity());
	}

	/**
	 * A scope opened on this thread for a context whose span is {@code span} ({@code null} or invalid
	 * when the context holds no span).
	 */
	void scopeOpened(SpanContext span) {
		Activity activity = (span != null) ? this.activities.get(span) : null;
		if (this.scopeStacks.get().push(activity) && activity != null) {
			activity.enter(this.nanoClock.getAsLong());
		}
	}

	/** The scope most recently opened on this thread and still open has closed. */
	void scopeClosed() {
		Activity activity = this.scopeStacks.get().pop();
		if (activity != null) {
			activity.exit(this.nanoClock.getAsLong());
		}
	}

	/**
	 * Stops tracking {@code span}.
	 * @return the nanoseconds it was in scope (a scope still open counts until now), or
	 * {@link SpanTimes#UNKNOWN_BUSY} when it was not tracked or never in scope
	 */
	long spanEnded(SpanContext span) {
		Activity activity = this.activities.remove(span);
		return (activity != null) ? activity.finish(this.nanoClock.getAsLong()) : SpanTimes.UNKNOWN_BUSY;
	}

	int trackedSpans() {
		return this.activities.size();
	}

	/** One span's scope count and busy time; scopes of one span may open and close on several threads. */
	private static final class Activity {

		private int openScopes;

		private long openedAt;

		private long busyNanos;

		private boolean entered;

		private boolean finished;

		synchronized void enter(long now) {
			if (this.finished) {
				return;
			}
			if (this.openScopes++ == 0) {
				this.openedAt = now;
			}
			this.entered = true;
		}

		synchronized void exit(long now) {
			// A scope closed after its span ended was already counted up to the end.
			if (this.finished || this.openScopes == 0) {
				return;
			}
			if (--this.openScopes == 0) {
				this.busyNanos += now - this.openedAt;
			}
		}

		synchronized long finish(long now) {
			this.finished = true;
			if (!this.entered) {
				return SpanTimes.UNKNOWN_BUSY;
			}
			if (this.openScopes > 0) {
				this.busyNanos += now - this.openedAt;
			}
			return this.busyNanos;
		}

	}

	/**
	 * The activities of the scopes open on one thread, innermost last ({@code null} for a scope of an
	 * untracked span). Scopes close in reverse order of opening on a thread, which is what lets a close
	 * event that names no span be matched to its span.
	 */
	private static final class ScopeStack {

		private Activity[] open = new Activity[8];

		/** May exceed {@link #MAX_SCOPE_DEPTH} when scopes leak; those levels have no entry. */
		private int depth;

		/** Whether the scope got an entry, i.e. whether its close will name its activity. */
		boolean push(Activity activity) {
			boolean kept = this.depth < MAX_SCOPE_DEPTH;
			if (kept) {
				if (this.depth == this.open.length) {
					this.open = Arrays.copyOf(this.open, Math.min(this.open.length * 2, MAX_SCOPE_DEPTH));
				}
				this.open[this.depth] = activity;
			}
			this.depth++;
			return kept;
		}

		Activity pop() {
			if (this.depth == 0) {
				return null;
			}
			this.depth--;
			if (this.depth >= MAX_SCOPE_DEPTH) {
				return null;
			}
			Activity activity = this.open[this.depth];
			this.open[this.depth] = null;
			return activity;
		}

	}

}
