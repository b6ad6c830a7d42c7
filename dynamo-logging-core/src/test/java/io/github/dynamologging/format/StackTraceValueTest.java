package io.github.dynamologging.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.dynamologging.hardening.HostileText;

import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import io.github.dynamologging.format.internal.LoneSurrogates;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack trace fast path must write exactly the bytes Jackson writes for the same text. */
class StackTraceValueTest {

	private final EscapedFrames frames = new EscapedFrames();

	private final StackTraceValue value = new StackTraceValue(DynamoJsonlEncoder.JSON, this.frames);

	@Test
	void escapesEveryHostileTextAsJacksonDoes() {
		for (String text : HostileText.corpus()) {
			assertSameAsJackson(text);
			// Also embedded in an ordinary stack trace text, at every alignment of the 8-byte scan.
			for (int shift = 0; shift < 9; shift++) {
				assertSameAsJackson("x".repeat(shift) + "\tat a.B.c(B.java:1)\n" + text + "\n\t... 3 common frames omitted");
			}
		}
	}

	@Test
	void escapesRandomTextAsJacksonDoes() {
		Random random = new Random(20261121);
		char[] interesting = { '"', '\\', '\n', '\t', '\r', '\u0000', '\u001f', ' ', '~', '\u007f', '\u0080', '\u0085',
				'\u00e9', '\u2028', '\u2029', '\uD83D', '\uDE00', '\uFFFD', '/', 'a', '?' };
		for (int run = 0; run < 5000; run++) {
			int length = random.nextInt(80);
			StringBuilder text = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				text.append(random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
						: (char) random.nextInt((random.nextInt(4) == 0) ? 0x10000 : 0x80));
			}
			assertSameAsJackson(text.toString());
		}
	}

	@Test
	void tellsQuestionMarksFromLoneSurrogates() {
		// Pure ASCII plus lone surrogates encodes to one byte per char, each surrogate as '?'.
		for (String text : List.of("boom \uD800", "a?b\uDC00?", "?", "\uD800", "??\uDFFF??", "\u00e9?\uD800?",
				"what?".repeat(20) + "\uD83D", "\uD83D\uDE00?")) {
			assertSameAsJackson(text);
		}
	}

	@Test
	void encodedLineHoldsTheStackTraceAsJacksonWritesIt() {
		List<Throwable> failures = new ArrayList<>();
		for (String text : HostileText.corpus()) {
			IllegalStateException failure = new IllegalStateException(text, new IllegalArgumentException(text));
			failure.addSuppressed(new UnsupportedOperationException("suppressed " + text));
			failures.add(failure);
		}
		// Shapes of Logback's rendering: a cycle, suppressed exceptions with causes of their own, nesting.
		IllegalStateException first = new IllegalStateException("first");
		IllegalArgumentException second = new IllegalArgumentException("second", first);
		first.initCause(second);
		failures.add(first);
		RuntimeException outer = new RuntimeException("outer", new IllegalStateException("cause"));
		RuntimeException suppressed = new RuntimeException("suppressed", new IllegalArgumentException("its cause"));
		suppressed.addSuppressed(new UnsupportedOperationException("nested suppressed"));
		outer.addSuppressed(suppressed);
		outer.getCause().addSuppressed(new IllegalStateException("suppressed by the cause"));
		failures.add(outer);
		failures.add(new RuntimeException());
		CapturingLogback logback = new CapturingLogback(new DynamoJsonlEncoder());
		for (Throwable failure : failures) {
			logback.reset();
			logback.logger("x").error("failed", failure);
			String rendered = ThrowableProxyUtil.asString(new ThrowableProxy(failure));
			String expected = rendered.substring(0, rendered.length() - CoreConstants.LINE_SEPARATOR.length());
			byte[] property = concat("\"exception.stacktrace\":".getBytes(StandardCharsets.UTF_8),
					JacksonWritten.quoted(expected));
			assertThat(indexOf(logback.bytes(), property)).as("stack trace of %s", failure).isGreaterThan(0);
			assertThat(logback.onlyJsonLine().get("exception.stacktrace").asString())
				.isEqualTo(LoneSurrogates.replace(expected));
		}
	}

	@Test
	void framesFromTheCacheAreTheFramesLogbackRenders() {
		List<Throwable> failures = new ArrayList<>();
		for (String text : HostileText.corpus()) {
			// Frames can say anything: bytecode of other languages, generated classes, a file name from a debugger.
			RuntimeException failure = new RuntimeException("hostile frame");
			failure.setStackTrace(new StackTraceElement[] { new StackTraceElement("a.B" + text, "m" + text, text, 7),
					new StackTraceElement("loader" + text, "module" + text, "1" + text, "c.D", "run", "D.java", -2),
					new StackTraceElement("c.D", "run", "D.java", 42) });
			failures.add(failure);
		}
		for (int pass = 1; pass <= 2; pass++) {
			for (Throwable failure : failures) {
				assertWritesAsLogback(new ThrowableProxy(failure));
			}
			assertThat(this.frames.size()).as("frames cached after pass %d", pass).isPositive();
		}
	}

	@Test
	void packagingDataIsWrittenAsLogbackRendersIt() {
		ThrowableProxy proxy = new ThrowableProxy(new IllegalStateException("boom", new RuntimeException("cause")));
		proxy.calculatePackagingData();
		assertThat(proxy.getStackTraceElementProxyArray()[0].getClassPackagingData()).isNotNull();
		assertWritesAsLogback(proxy);
		assertWritesAsLogback(proxy);
	}

	@Test
	void cacheStaysBounded() {
		for (int line = 1; line <= EscapedFrames.MAX_FRAMES + 100; line++) {
			RuntimeException failure = new RuntimeException();
			failure.setStackTrace(new StackTraceElement[] { new StackTraceElement("a.B", "m", "B.java", line) });
			assertWritesAsLogback(new ThrowableProxy(failure));
		}
		assertThat(this.frames.size()).isBetween(1, EscapedFrames.MAX_FRAMES);
	}

	private void assertWritesAsLogback(ThrowableProxy proxy) {
		String rendered = ThrowableProxyUtil.asString(proxy);
		String expected = rendered.substring(0, rendered.length() - CoreConstants.LINE_SEPARATOR.length());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JsonGenerator json = DynamoJsonlEncoder.JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
			this.value.write(json, proxy);
		}
		assertThat(bytes.toByteArray()).as(rendered).isEqualTo(JacksonWritten.quoted(expected));
	}

	private void assertSameAsJackson(String text) {
		int written = this.value.appendEscaped(text, 0);
		assertThat(Arrays.copyOf(this.value.output(), written)).as(HostileText.describe(text))
			.isEqualTo(JacksonWritten.unquoted(text));
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
