package io.github.dynamologging.capture;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.dynamologging.schema.LogLineValidator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import tools.jackson.databind.JsonNode;

/**
 * A JUnit Jupiter extension that captures what the code under test writes to the console during each test
 * and reads it back as JSONL lines ({@link CapturedLogLines}): stderr by default, where the starter writes
 * its lines, or stdout ({@link #stdout()}) for {@code dynamo.logging.output=stdout}.
 * <pre>
 * &#64;RegisterExtension
 * final DynamoLogCapture logs = DynamoLogCapture.stderr();
 *
 * &#64;Test
 * void greets() {
 *     greeter.greet("bob");
 *     CapturedLogLines lines = this.logs.lines().assertAllValid();
 *     assertThat(lines.withMessage("hello bob").get("name").asString()).isEqualTo("bob");
 * }
 * </pre>
 * or {@code @ExtendWith(DynamoLogCapture.class)} on the class (stderr, strict validation) and a
 * {@code DynamoLogCapture} parameter on the test method.
 * <p>
 * The capture starts before the class's {@code @BeforeEach} methods and ends after its {@code @AfterEach}
 * methods; what was written before (an application context started for the whole class) is not in it. It
 * swaps {@code System.err} (or {@code System.out}) and restores it afterwards, so it sees whatever writes
 * through {@code System.err} at the time of writing, as Logback's console appender does, but not a stream
 * someone kept from before the test. Captured output is not shown on the console. Tests that capture the
 * same stream must not run in parallel with each other: mark them
 * {@code @ResourceLock(Resources.SYSTEM_ERR)} (or {@code SYSTEM_OUT}) where parallel execution is on.
 */
public final class DynamoLogCapture implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	/** How long {@link #awaitMessage(String)} waits. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final long POLL_MILLIS = 20;

	private final ConsoleStream stream;

	private final LogLineValidator validator;

	private final CapturingOutputStream captured = new CapturingOutputStream();

	private PrintStream original;

	/** Captures stderr and validates strictly, as {@link #stderr()}; for {@code @ExtendWith}. */
	public DynamoLogCapture() {
		this(ConsoleStream.STDERR, LogLineValidator.strict());
	}

	private DynamoLogCapture(ConsoleStream stream, LogLineValidator validator) {
		this.stream = stream;
		this.validator = validator;
	}

	/** Captures {@code System.err}, where the starter writes its lines unless told otherwise. */
	public static DynamoLogCapture stderr() {
		return new DynamoLogCapture(ConsoleStream.STDERR, LogLineValidator.strict());
	}

	/** Captures {@code System.out}, for {@code dynamo.logging.output=stdout}. */
	public static DynamoLogCapture stdout() {
		return new DynamoLogCapture(ConsoleStream.STDOUT, LogLineValidator.strict());
	}

	/**
	 * The same capture, but {@link CapturedLogLines#assertAllValid()} also accepts lines without
	 * {@code file} and {@code line}, as written with {@code dynamo.logging.caller-data=false}.
	 * @return a new extension; register that one
	 */
	public DynamoLogCapture callerDataOptional() {
		return new DynamoLogCapture(this.stream, LogLineValidator.callerDataOptional());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		synchronized (this) {
			if (this.original != null) {
				throw new IllegalStateException("DynamoLogCapture is already capturing " + this.stream.streamName
						+ "; register one instance per test class, and run such tests one at a time");
			}
			this.captured.reset();
			this.original = this.stream.current.get();
			this.stream.replace.accept(new PrintStream(this.captured, true, StandardCharsets.UTF_8));
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		synchronized (this) {
			if (this.original != null) {
				this.stream.current.get().flush();
				this.stream.replace.accept(this.original);
				this.original = null;
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == DynamoLogCapture.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		return this;
	}

	/**
	 * Everything captured so far in this test, parsed.
	 * @return a snapshot: lines written later are not in it
	 * @throws AssertionError when the output so far ends without {@code \n} or a line is not one JSON object
	 */
	public CapturedLogLines lines() {
		return CapturedLogLines.parse(this.captured.bytes(), this.validator);
	}

	/** Everything captured so far in this test, as UTF-8 text (for output that is not JSONL). */
	public String text() {
		return new String(this.captured.bytes(), StandardCharsets.UTF_8);
	}

	/** Forgets what was captured so far, e.g. the lines of an application's start. */
	public void clear() {
		this.captured.reset();
	}

	/**
	 * Waits up to {@link #DEFAULT_TIMEOUT} for a line with exactly this message, for lines written by
	 * other threads (a server's, after the response was read).
	 * @param message the message
	 * @return the first such line
	 * @throws AssertionError when none comes in time, or when a complete line is not JSON
	 */
	public JsonNode awaitMessage(String message) {
		Objects.requireNonNull(message, "message");
		return awaitLine((line) -> line.has("message") && message.equals(line.get("message").asString()),
				DEFAULT_TIMEOUT);
	}

	/**
	 * Waits for a line that meets the condition, for lines written by other threads.
	 * @param condition what the line must meet
	 * @param timeout how long to wait at most
	 * @return the first such line
	 * @throws AssertionError when none comes in time, or when a complete line is not JSON
	 */
	public JsonNode awaitLine(Predicate<? super JsonNode> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			// Only complete lines: another thread may be writing the next one right now.
			CapturedLogLines lines = completeLines();
			List<JsonNode> found = lines.matching(condition);
			if (!found.isEmpty()) {
				return found.get(0);
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new AssertionError("no captured line met the condition within " + timeout + "; the messages of the "
						+ lines.size() + " captured lines: " + lines.messages());
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for a captured line", ex);
			}
		}
	}

	private CapturedLogLines completeLines() {
		byte[] bytes = this.captured.bytes();
		int end = bytes.length;
		while (end > 0 && bytes[end - 1] != '\n') {
			end--;
		}
		return CapturedLogLines.parse(Arrays.copyOf(bytes, end), this.validator);
	}

	/** The two standard streams, read and replaced through {@link System}. */
	private enum ConsoleStream {

		STDERR("System.err", () -> System.err, System::setErr),

		STDOUT("System.out", () -> System.out, System::setOut);

		private final String streamName;

		private final Supplier<PrintStream> current;

		private final Consumer<PrintStream> replace;

		ConsoleStream(String streamName, Supplier<PrintStream> current, Consumer<PrintStream> replace) {
			this.streamName = streamName;
			this.current = current;
			this.replace = replace;
		}

	}

	/** Keeps every byte; one write call is kept whole, so a line written in one call is never torn. */
	private static final class CapturingOutputStream extends OutputStream {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		@Override
		public synchronized void write(int b) {
			this.bytes.write(b);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			this.bytes.write(b, off, len);
		}

		synchronized byte[] bytes() {
			return this.bytes.toByteArray();
		}

		synchronized void reset() {
			this.bytes.reset();
		}

	}

}
