package io.github.dynamologging.request;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A warning written at most once per interval, however often its cause recurs: a flood of requests
 * with a bad header must not become a flood of lines. The next warning says how many were left out.
 */
final class RateLimitedWarning {

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final AtomicLong nextAllowed;

	private final AtomicLong suppressed = new AtomicLong();

	RateLimitedWarning(long interval, TimeUnit unit, LongSupplier nanoTime) {
		this.intervalNanos = unit.toNanos(interval);
		this.nanoTime = nanoTime;
		this.nextAllowed = new AtomicLong(nanoTime.getAsLong());
	}

	static RateLimitedWarning oncePerMinute() {
		return new RateLimitedWarning(1, TimeUnit.MINUTES, System::nanoTime);
	}

	/**
	 * Writes the warning through {@code warning} (given how many occurrences were left out since the last
	 * one) when the interval has passed, else only counts this occurrence.
	 */
	void occurred(LongConsumer warning) {
		long now = this.nanoTime.getAsLong();
		long next = this.nextAllowed.get();
		// nanoTime may wrap: compare differences, not values.
		if (now - next >= 0 && this.nextAllowed.compareAndSet(next, now + this.intervalNanos)) {
			warning.accept(this.suppressed.getAndSet(0));
		}
		else {
			this.suppressed.incrementAndGet();
		}
	}

}
