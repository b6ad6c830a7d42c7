package io.github.dynamologging.maven;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.dynamologging.callsite.internal.ActiveCallSites;
import io.github.dynamologging.maven.CallerRecorder.Seen;
import io.github.dynamologging.maven.corpus.ThrowingCall;
import io.github.dynamologging.maven.corpus.TurboFilteredCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Logback's TurboFilters see the same questions, in the same order, and so decide the same, whether the calling
 * class was rewritten or not; the statements they let through below the logger's level get their recorded
 * caller; a call that throws leaves no call in progress behind.
 */
class TurboFilterDecisionsTest {

	private final CallerRecorder recorder = new CallerRecorder();

	private final RecordingTurboFilter turbo = new RecordingTurboFilter();

	@BeforeEach
	void logThroughTurboFilter() {
		Corpus.logTo(this.recorder);
		this.turbo.setContext(Corpus.LOGGING);
		this.turbo.start();
		Corpus.LOGGING.addTurboFilter(this.turbo);
	}

	@AfterEach
	void resetLogging() {
		Corpus.LOGGING.reset();
	}

	@Test
	void turboFiltersDecideAsWithoutTheRewrite() throws Exception {
		Corpus.run(TurboFilteredCalls.class.getName(), getClass().getClassLoader());
		List<String> compiledQuestions = this.turbo.questions();
		List<Seen> compiled = this.recorder.seen();
		this.turbo.questions.clear();
		this.recorder.clear();

		Corpus.run(TurboFilteredCalls.class.getName(), Corpus.rewritten());

		assertThat(this.turbo.questions()).containsExactlyElementsOf(compiledQuestions)
			.contains("DEBUG turbo: accepted {}", "DEBUG turbo: off", "INFO turbo: denied");
		assertThat(this.recorder.seen()).map(Seen::caller)
			.containsExactlyElementsOf(compiled.stream().map(Seen::caller).toList());
		assertThat(this.recorder.seen()).extracting(Seen::message)
			.containsExactly("turbo: accepted {}", "turbo: accepted {} {}", "turbo: on");
		assertThat(this.recorder.seen()).allSatisfy((seen) -> {
			assertThat(seen.fromCallSite()).isTrue();
			assertThat(seen.storedLocation()).isEqualTo(seen.walked());
		});
	}

	@Test
	void callThatThrowsLeavesNoCallInProgress() {
		assertThatIllegalStateException().isThrownBy(() -> Corpus.run(ThrowingCall.class.getName(), Corpus.rewritten()))
			.withMessage("turbo filter failed");
		LoggingEvent later = new LoggingEvent(getClass().getName(), Corpus.LOGGING.getLogger(ThrowingCall.class),
				Level.INFO, "turbo: throw", null, null);
		assertThat(ActiveCallSites.callerDataFor(later)).isNull();
	}

	/** Lets through messages with "accepted", drops those with "denied", throws for "throw"; records each question. */
	static final class RecordingTurboFilter extends TurboFilter {

		private final List<String> questions = new ArrayList<>();

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
				Throwable t) {
			this.questions.add(level + " " + format);
			if (format == null) {
				return FilterReply.NEUTRAL;
			}
			if (format.contains("throw")) {
				throw new IllegalStateException("turbo filter failed");
			}
			if (format.contains("accepted")) {
				return FilterReply.ACCEPT;
			}
			return format.contains("denied") ? FilterReply.DENY : FilterReply.NEUTRAL;
		}

		List<String> questions() {
			return List.copyOf(this.questions);
		}

	}

}
