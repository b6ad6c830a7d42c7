package io.github.dynamologging.rules;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;

/**
 * One rule in force: what it matches, what it lets through, until when, and how many requests it raised
 * or skipped. At most {@code maxPerSecond} requests are raised in each second; the rest are skipped.
 */
final class RequestRule {

	private final String id;

	private final RuleMatch match;

	private final RuleLevels levels;

	private final @Nullable Instant expiresAt;

	private final @Nullable String reason;

	private final int maxPerSecond;

	private final AtomicLong matched = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	/** The second of the current window (epoch seconds) and the requests raised in it, packed in one long. */
	private final AtomicLong window = new AtomicLong();

	private volatile @Nullable ScheduledFuture<?> timer;

	RequestRule(String id, RuleMatch match, LogFilter filter, @Nullable Instant expiresAt, @Nullable String reason,
			int maxPerSecond) {
		this.id = id;
		this.match = match;
		this.levels = new RuleLevels(filter);
		this.expiresAt = expiresAt;
		this.reason = reason;
		this.maxPerSecond = maxPerSecond;
	}

	String id() {
		return this.id;
	}

	RuleMatch match() {
		return this.match;
	}

	RuleLevels levels() {
		return this.levels;
	}

	@Nullable Instant expiresAt() {
		return this.expiresAt;
	}

	boolean expired(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	/**
	 * Counts a matching request: raised when this second's cap is not reached, else skipped.
	 * @return whether the request is raised
	 */
	boolean admit(long epochSecond) {
		while (true) {
			long packed = this.window.get();
			long second = packed >>> 20;
			long count = (second == epochSecond) ? (packed & 0xFFFFF) : 0;
			if (count >= this.maxPerSecond) {
				this.skipped.incrementAndGet();
				return false;
			}
			if (this.window.compareAndSet(packed, (epochSecond << 20) | (count + 1))) {
				this.matched.incrementAndGet();
				return true;
			}
		}
	}

	void timer(ScheduledFuture<?> timer) {
		this.timer = timer;
	}

	void cancelTimer() {
		ScheduledFuture<?> scheduled = this.timer;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
	}

	RequestRuleView view() {
		return new RequestRuleView(this.id, this.match.describe(), this.levels.filter().toFilterString(),
				(this.expiresAt != null) ? this.expiresAt.toString() : null, this.matched.get(), this.skipped.get(),
				this.reason);
	}

}
