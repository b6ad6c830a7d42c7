package io.github.dynamologging.spanevents;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Busy-time accounting on a clock the test sets, so every expected number is exact. */
class ScopeTimeTrackerTest {

	private static final String TRACE_ID = "425ef761ca5b44c795b4c912f1d84b39";

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final ScopeTimeTracker tracker = new ScopeTimeTracker(this.now::get, 3);

	private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

	@AfterEach
	void stopOtherThread() {
		this.otherThread.shutdownNow();
	}

	@Test
	void aSpanNeverInScopeHasUnknownBusyTime() {
		SpanContext span = span(1);
		this.tracker.spanStarted(span);
		advance(500);
		assertThat(this.tracker.spanEnded(span)).isEqualTo(SpanTimes.UNKNOWN_BUSY);
	}

	@Test
	void busyTimeIsTheSumOfTheIntervalsInScope() {
		SpanContext span = span(1);
		this.tracker.spanStarted(span);
		advance(10);
		this.tracker.scopeOpened(span);
		advance(20);
		this.tracker.scopeClosed();
		advance(20);
		this.tracker.scopeOpened(span);
		advance(10);
		this.tracker.scopeClosed();
		advance(40);
		assertThat(this.tracker.spanEnded(span)).isEqualTo(30);
	}

	@Test
	void nestedScopesOfTheSameSpanCountOnce() {
		SpanContext span = span(1);
		this.tracker.spanStarted(span);
		this.tracker.scopeOpened(span);
		advance(5);
		this.tracker.scopeOpened(span);
		advance(5);
		this.tracker.scopeClosed();
		advance(10);
		this.tracker.scopeClosed();
		advance(70);
		assertThat(this.tracker.spanEnded(span)).isEqualTo(20);
	}

	@Test
	void aParentStaysBusyWhileAChildScopeIsOpenInsideItsScope() {
		SpanContext parent = span(1);
		SpanContext child = span(2);
		this.tracker.spanStarted(parent);
		this.tracker.scopeOpened(parent);
		advance(10);
		this.tracker.spanStarted(child);
		this.tracker.scopeOpened(child);
		advance(10);
		this.tracker.scopeClosed();
		assertThat(this.tracker.spanEnded(child)).isEqualTo(10);
		advance(10);
		this.tracker.scopeClosed();
		assertThat(this.tracker.spanEnded(parent)).isEqualTo(30);
	}

	@Test
	void overlappingScopesOnTwoThreadsCountTheirUnionOnce() throws Exception {
		SpanContext span = span(1);
		this.tracker.spanStarted(span);
		this.tracker.scopeOpened(span);
		advance(5);
		this.otherThread.submit(() -> this.tracker.scopeOpened(span)).get();
		advance(5);
		this.tracker.scopeClosed();
		advance(5);
		this.otherThread.submit(this.tracker::scopeClosed).get();
		advance(10);
		this.otherThread.submit(() -> this.tracker.scopeOpened(span)).get();
		advance(4);
		this.otherThread.submit(this.tracker::scopeClosed).get();
		assertThat(this.tracker.spanEnded(span)).isEqualTo(15 + 4);
	}

	@Test
	void aScopeStillOpenWhenTheSpanEndsCountsUntilTheEndAndItsLateCloseChangesNothing() {
		SpanContext span = span(1);
		SpanContext next = span(2);
		this.tracker.spanStarted(span);
		this.tracker.scopeOpened(span);
		advance(40);
		assertThat(this.tracker.spanEnded(span)).isEqualTo(40);
		this.tracker.scopeClosed();
		// The late close popped the ended span's entry, not the next span's.
		this.tracker.spanStarted(next);
		this.tracker.scopeOpened(next);
		advance(7);
		this.tracker.scopeClosed();
		assertThat(this.tracker.spanEnded(next)).isEqualTo(7);
	}

	@Test
	void scopesOfContextsWithoutATrackedSpanKeepTheStackInStep() {
		SpanContext span = span(1);
		this.tracker.spanStarted(span);
		this.tracker.scopeOpened(span);
		advance(10);
		this.tracker.scopeOpened(null);
		this.tracker.scopeOpened(SpanContext.getInvalid());
		this.tracker.scopeOpened(span(9));
		advance(10);
		this.tracker.scopeClosed();
		this.tracker.scopeClosed();
		this.tracker.scopeClosed();
		advance(10);
		this.tracker.scopeClosed();
		advance(10);
		assertThat(this.tracker.spanEnded(span)).isEqualTo(30);
	}

	@Test
	void pastTheLimitNewSpansAreNotTrackedUntilTrackedOnesEnd() {
		SpanContext first = span(1);
		this.tracker.spanStarted(first);
		this.tracker.spanStarted(span(2));
		this.tracker.spanStarted(span(3));
		SpanContext beyond = span(4);
		this.tracker.spanStarted(beyond);
		assertThat(this.tracker.trackedSpans()).isEqualTo(3);
		this.tracker.scopeOpened(beyond);
		advance(10);
		this.tracker.scopeClosed();
		assertThat(this.tracker.spanEnded(beyond)).isEqualTo(SpanTimes.UNKNOWN_BUSY);

		this.tracker.spanEnded(first);
		SpanContext later = span(5);
		this.tracker.spanStarted(later);
		this.tracker.scopeOpened(later);
		advance(10);
		this.tracker.scopeClosed();
		assertThat(this.tracker.spanEnded(later)).isEqualTo(10);
	}

	@Test
	void endingASpanForgetsIt() {
		for (int i = 1; i <= 3; i++) {
			this.tracker.spanStarted(span(i));
		}
		for (int i = 1; i <= 3; i++) {
			this.tracker.spanEnded(span(i));
		}
		assertThat(this.tracker.trackedSpans()).isZero();
	}

	@Test
	void scopesNestedBeyondTheDepthLimitAreNotTimedButStayBalanced() {
		SpanContext span = span(1);
		this.tracker.spanStarted(span);
		int scopes = ScopeTimeTracker.MAX_SCOPE_DEPTH + 3;
		for (int i = 0; i < scopes; i++) {
			this.tracker.scopeOpened(span);
		}
		advance(10);
		for (int i = 0; i < scopes; i++) {
			this.tracker.scopeClosed();
		}
		advance(10);
		this.tracker.scopeOpened(span);
		advance(5);
		this.tracker.scopeClosed();
		advance(10);
		assertThat(this.tracker.spanEnded(span)).isEqualTo(15);
	}

	private void advance(long elapsedNanos) {
		this.now.addAndGet(elapsedNanos);
	}

	private static SpanContext span(int number) {
		return SpanContext.create(TRACE_ID, String.format("%016x", 0x6959a1b2d1ee0000L + number),
				TraceFlags.getSampled(), TraceState.getDefault());
	}

}
