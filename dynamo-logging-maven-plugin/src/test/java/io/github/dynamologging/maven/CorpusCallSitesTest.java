package io.github.dynamologging.maven;

import java.util.List;

import io.github.dynamologging.maven.CallerRecorder.Seen;
import io.github.dynamologging.maven.corpus.ClassicCalls;
import io.github.dynamologging.maven.corpus.FluentCalls;
import io.github.dynamologging.maven.corpus.NestedCalls;
import io.github.dynamologging.maven.corpus.WrapperCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each corpus class twice, as compiled and rewritten by the plugin, and compares what the console stores
 * as the caller of each line: the same class, method, {@code file} and {@code line}, equal to the stack walk's
 * answer, and taken from the recorded call site exactly where the caller's class was rewritten.
 */
class CorpusCallSitesTest {

	private final CallerRecorder recorder = new CallerRecorder();

	@BeforeEach
	void logToRecorder() {
		Corpus.logTo(new FormattingAppender(), this.recorder);
	}

	@AfterEach
	void resetLogging() {
		Corpus.LOGGING.reset();
	}

	@ParameterizedTest
	@ValueSource(classes = { ClassicCalls.class, FluentCalls.class, NestedCalls.class, WrapperCalls.class })
	void recordedCallerIsTheStackWalksCaller(Class<? extends Runnable> corpus) throws Exception {
		List<Seen> compiled = run(corpus.getName(), getClass().getClassLoader());
		RewritingClassLoader rewriting = Corpus.rewritten();
		List<Seen> rewritten = run(corpus.getName(), rewriting);

		assertThat(rewriting.rewrittenCalls()).isPositive();
		assertThat(compiled).isNotEmpty().allSatisfy((seen) -> {
			assertThat(seen.fromCallSite()).as("walked: %s", seen).isFalse();
			assertThat(seen.storedLocation()).isEqualTo(seen.walked());
		});
		assertThat(rewritten).map(Seen::caller).containsExactlyElementsOf(compiled.stream().map(Seen::caller).toList());
		assertThat(rewritten).allSatisfy((seen) -> {
			assertThat(seen.storedLocation()).as("stored vs walked: %s", seen).isEqualTo(seen.walked());
			boolean callerRewritten = seen.stored().getClassName().startsWith(Corpus.PACKAGE)
					&& !seen.stored().getClassName().startsWith(Corpus.UNPROCESSED);
			assertThat(seen.fromCallSite()).as("from the call site: %s", seen).isEqualTo(callerRewritten);
		});
	}

	private List<Seen> run(String corpus, ClassLoader loader) throws Exception {
		this.recorder.clear();
		Corpus.run(corpus, loader);
		return this.recorder.seen();
	}

}
