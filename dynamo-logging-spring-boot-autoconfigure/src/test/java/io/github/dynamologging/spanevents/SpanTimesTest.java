package io.github.dynamologging.spanevents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanTimesTest {

	private static final long START = 1_756_830_000_123_456_789L;

	@Test
	void splitsTheDurationIntoBusyAndIdleMicroseconds() {
		SpanTimes times = SpanTimes.of(START, START + 2_121_090_000L, 1_090_000L);
		assertThat(times).isEqualTo(new SpanTimes(1_090, 2_120_000, 2_121_090));
	}

	@Test
	void durationIsWholeMicrosecondsOfTheNanosecondDifferenceAndIdleAbsorbsTheRounding() {
		SpanTimes times = SpanTimes.of(START, START + 2_999, 1_999);
		assertThat(times).isEqualTo(new SpanTimes(1, 1, 2));
	}

	@Test
	void unknownBusyTimeCountsTheWholeSpanAsBusy() {
		SpanTimes times = SpanTimes.of(START, START + 5_000_000, SpanTimes.UNKNOWN_BUSY);
		assertThat(times).isEqualTo(new SpanTimes(5_000, 0, 5_000));
	}

	@Test
	void busyTimeBeyondTheSpanIsCutToItsDuration() {
		SpanTimes times = SpanTimes.of(START, START + 5_000_000, 5_000_700);
		assertThat(times).isEqualTo(new SpanTimes(5_000, 0, 5_000));
	}

	@Test
	void anEndBeforeTheStartIsAnEmptySpan() {
		SpanTimes times = SpanTimes.of(START, START - 1, 0);
		assertThat(times).isEqualTo(new SpanTimes(0, 0, 0));
	}

}
