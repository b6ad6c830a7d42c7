package io.github.dynamologging.spanevents;

/**
 * The {@code time.*_us} fields of a {@code SPAN_CLOSED} line, in whole microseconds, with
 * {@code duration = busy + idle} exactly.
 *
 * @param busyMicros time the span was in scope
 * @param idleMicros time the span was open but not in scope
 * @param durationMicros time from the span's start to its end
 */
record SpanTimes(long busyMicros, long idleMicros, long durationMicros) {

	/** Busy time when no scope of the span was seen: docs/requests-and-traces.md then counts the whole span as busy. */
	static final long UNKNOWN_BUSY = -1;

	/**
	 * The times of a span from its start and end (epoch nanoseconds, as the SDK records them) and the
	 * nanoseconds it was in scope, or {@link #UNKNOWN_BUSY}.
	 */
	static SpanTimes of(long startEpochNanos, long endEpochNanos, long busyNanos) {
		long duration = Math.max(0, endEpochNanos - startEpochNanos) / 1000;
		// Busy is measured on another clock and may overrun the span by the time onEnd takes to run.
		long busy = (busyNanos < 0) ? duration : Math.min(busyNanos / 1000, duration);
		return new SpanTimes(busy, duration - busy, duration);
	}

}
