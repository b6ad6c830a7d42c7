package io.github.dynamologging.capture;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.listeners.TestExecutionSummary.Failure;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.capture.TestLines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension as tests use it: each example class below runs through the JUnit Platform launcher, as
 * the build runs any test class, and makes its own assertions; the tests here check the outcome.
 */
class DynamoLogCaptureTest {

	/** The configuration parameter the tests here launch the examples with. */
	private static final String LAUNCHED_HERE = "dynamologging.capture.examples";

	private PrintStream stderr;

	private PrintStream stdout;

	@BeforeEach
	void rememberTheStreams() {
		this.stderr = System.err;
		this.stdout = System.out;
	}

	@AfterEach
	void theStreamsAreRestored() {
		assertThat(System.err).isSameAs(this.stderr);
		assertThat(System.out).isSameAs(this.stdout);
	}

	@Test
	void eachTestSeesWhatItAndItsBeforeEachWroteToStderr() {
		assertThat(run(StderrExample.class)).satisfies(passed(2));
	}

	@Test
	void stdoutAndStderrAreCapturedApart() {
		assertThat(run(BothStreamsExample.class)).satisfies(passed(1));
	}

	@Test
	void extendWithInjectsTheCaptureIntoTheTestMethod() {
		assertThat(run(ExtendWithExample.class)).satisfies(passed(1));
	}

	@Test
	void everyLineOfManyThreadsArrivesWhole() {
		assertThat(run(ConcurrentWritersExample.class)).satisfies(passed(1));
	}

	@Test
	void awaitsALineWrittenLaterByAnotherThread() {
		assertThat(run(LaterLineExample.class)).satisfies(passed(1));
	}

	@Test
	void anInvalidLineFailsTheTestWithTheRuleItBreaks() {
		TestExecutionSummary summary = run(InvalidLineExample.class);
		assertThat(summary.getTestsFailedCount()).isEqualTo(1);
		Throwable failure = summary.getFailures().get(0).getException();
		assertThat(failure).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("1 of 2 captured lines break the JSONL rules (docs/output.md):\n"
					+ "  line 2: schema: /level: does not have a value in the enumeration");
	}

	@Test
	void aLineThatIsNotJsonFailsTheTest() {
		TestExecutionSummary summary = run(NotJsonExample.class);
		assertThat(summary.getTestsFailedCount()).isEqualTo(1);
		assertThat(summary.getFailures().get(0).getException()).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("captured line 2 is not JSON (")
			.hasMessageEndingWith("): Started in 1.2 s");
	}

	@Test
	void waitingInVainFailsWithWhatWasCaptured() {
		TestExecutionSummary summary = run(AwaitInVainExample.class);
		assertThat(summary.getTestsFailedCount()).isEqualTo(1);
		assertThat(summary.getFailures().get(0).getException()).isInstanceOf(AssertionError.class)
			.hasMessage("no captured line met the condition within PT0.1S; the messages of the 1 captured lines: [other]");
	}

	@Test
	void outsideATestNothingIsCaptured() {
		DynamoLogCapture capture = DynamoLogCapture.stderr();
		assertThat(capture.lines().isEmpty()).isTrue();
		assertThat(capture.text()).isEmpty();
	}

	@Test
	void theCaptureCannotBeStartedTwice() {
		DynamoLogCapture capture = DynamoLogCapture.stderr();
		capture.beforeEach(null);
		try {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> capture.beforeEach(null))
				.withMessage("DynamoLogCapture is already capturing System.err; register one instance per test "
						+ "class, and run such tests one at a time");
		}
		finally {
			capture.afterEach(null);
		}
	}

	private static TestExecutionSummary run(Class<?> testClass) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request()
				.selectors(selectClass(testClass))
				.configurationParameter(LAUNCHED_HERE, "true")
				.build(), listener);
		return listener.getSummary();
	}

	private static Consumer<TestExecutionSummary> passed(int tests) {
		return (summary) -> {
			assertThat(summary.getFailures()).extracting(Failure::getException).isEmpty();
			assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
		};
	}

	/**
	 * Runs an example only when the tests here launch it: some examples fail on purpose. The build never
	 * finds them on its own (surefire leaves nested classes out); a run that selects them by name skips them.
	 */
	static final class LaunchedHere implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(LAUNCHED_HERE).isPresent()
					? ConditionEvaluationResult.enabled("launched by DynamoLogCaptureTest")
					: ConditionEvaluationResult.disabled("an example that DynamoLogCaptureTest launches");
		}

	}

	static void writeLine(PrintStream stream, String line) {
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		// One write per line, as Logback's console appender writes an encoded event.
		stream.write(bytes, 0, bytes.length);
	}

	@ExtendWith(LaunchedHere.class)
	static class StderrExample {

		@RegisterExtension
		final DynamoLogCapture logs = DynamoLogCapture.stderr();

		@BeforeEach
		void writeBeforeTheTest() {
			writeLine(System.err, line("before each"));
		}

		@Test
		void first() {
			writeLine(System.err, line("first", "\"name\":\"bob\""));
			CapturedLogLines lines = this.logs.lines().assertAllValid().assertLineCount(2);
			assertThat(lines.messages()).containsExactly("before each", "first");
			assertThat(lines.withMessage("first").get("name").asString()).isEqualTo("bob");
			assertThat(this.logs.text()).isEqualTo(line("before each") + "\n" + line("first", "\"name\":\"bob\"") + "\n");
		}

		@Test
		void second() {
			writeLine(System.err, line("second"));
			assertThat(this.logs.lines().messages()).containsExactly("before each", "second");
			this.logs.clear();
			assertThat(this.logs.lines().isEmpty()).isTrue();
		}

	}

	@ExtendWith(LaunchedHere.class)
	static class BothStreamsExample {

		@RegisterExtension
		final DynamoLogCapture stdout = DynamoLogCapture.stdout();

		@RegisterExtension
		final DynamoLogCapture stderr = DynamoLogCapture.stderr();

		@Test
		void eachStreamToItsCapture() {
			writeLine(System.out, line("to stdout"));
			writeLine(System.err, line("to stderr"));
			assertThat(this.stdout.lines().assertAllValid().messages()).containsExactly("to stdout");
			assertThat(this.stderr.lines().assertAllValid().messages()).containsExactly("to stderr");
		}

	}

	@ExtendWith({ LaunchedHere.class, DynamoLogCapture.class })
	static class ExtendWithExample {

		@Test
		void injected(DynamoLogCapture logs) {
			writeLine(System.err, line("injected", "\"x_request_id\":\"req-1\""));
			JsonNode line = logs.lines().assertAllValid().withField("x_request_id", "req-1");
			assertThat(line.get("message").asString()).isEqualTo("injected");
		}

	}

	@ExtendWith(LaunchedHere.class)
	static class ConcurrentWritersExample {

		private static final int THREADS = 8;

		private static final int LINES_PER_THREAD = 500;

		@RegisterExtension
		final DynamoLogCapture logs = DynamoLogCapture.stderr();

		@Test
		void noLineLost() throws InterruptedException {
			CountDownLatch start = new CountDownLatch(1);
			List<Thread> writers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				String thread = "t" + t;
				Thread writer = new Thread(() -> {
					awaitQuietly(start);
					for (int n = 0; n < LINES_PER_THREAD; n++) {
						writeLine(System.err, line("line " + n, "\"n\":" + n, "\"thread\":\"" + thread + "\""));
					}
				});
				writer.start();
				writers.add(writer);
			}
			start.countDown();
			for (Thread writer : writers) {
				writer.join();
			}
			CapturedLogLines lines = this.logs.lines().assertAllValid().assertLineCount(THREADS * LINES_PER_THREAD);
			for (int t = 0; t < THREADS; t++) {
				assertThat(lines.allWithField("thread", "t" + t)).extracting((line) -> line.get("n").asInt())
					.isSorted()
					.hasSize(LINES_PER_THREAD)
					.doesNotHaveDuplicates();
			}
		}

		private static void awaitQuietly(CountDownLatch latch) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@ExtendWith(LaunchedHere.class)
	static class LaterLineExample {

		@RegisterExtension
		final DynamoLogCapture logs = DynamoLogCapture.stderr();

		@Test
		void awaited() throws InterruptedException {
			Thread writer = new Thread(() -> {
				sleep(200);
				// A line cut in two writes: the first half alone must not count as a line yet.
				String line = line("later");
				byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
				System.err.write(bytes, 0, 10);
				sleep(100);
				System.err.write(bytes, 10, bytes.length - 10);
			});
			writer.start();
			JsonNode line = this.logs.awaitMessage("later");
			assertThat(line.get("target").asString()).isEqualTo("com.example.Greeter");
			writer.join();
			assertThat(this.logs.lines().assertLineCount(1).messages()).containsExactly("later");
		}

		private static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@ExtendWith(LaunchedHere.class)
	static class InvalidLineExample {

		@RegisterExtension
		final DynamoLogCapture logs = DynamoLogCapture.stderr();

		@Test
		void writesALevelInLowerCase() {
			writeLine(System.err, line("fine"));
			writeLine(System.err, line("lower case").replace("\"INFO\"", "\"info\""));
			this.logs.lines().assertAllValid();
		}

	}

	@ExtendWith(LaunchedHere.class)
	static class NotJsonExample {

		@RegisterExtension
		final DynamoLogCapture logs = DynamoLogCapture.stderr();

		@Test
		void writesPlainText() {
			writeLine(System.err, line("fine"));
			writeLine(System.err, "Started in 1.2 s");
			this.logs.lines();
		}

	}

	@ExtendWith(LaunchedHere.class)
	static class AwaitInVainExample {

		@RegisterExtension
		final DynamoLogCapture logs = DynamoLogCapture.stderr();

		@Test
		void waits() {
			writeLine(System.err, line("other"));
			this.logs.awaitLine((line) -> line.get("message").asString().equals("never"), Duration.ofMillis(100));
		}

	}

}
