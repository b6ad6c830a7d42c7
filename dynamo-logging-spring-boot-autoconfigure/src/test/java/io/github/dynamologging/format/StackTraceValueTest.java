package io.github.dynamologging.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.dynamologging.hardening.HostileText;

import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack trace fast path must write exactly the bytes Jackson writes for the same text. */
class StackTraceValueTest {

	private final StackTraceValue value = new StackTraceValue(DynamoJsonlEncoder.JSON);

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
				'\u00e9', '\u2028', '\u2029', '\uD83D', '\uDE00', '\uFFFD', '/', 'a' };
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
	void writesOnlyTheGivenLength() {
		String text = "java.lang.IllegalStateException: boom" + CoreConstants.LINE_SEPARATOR;
		int length = text.length() - CoreConstants.LINE_SEPARATOR.length();
		int written = this.value.escape(text, length);
		assertThat(Arrays.copyOf(this.value.output(), written))
			.isEqualTo(JacksonWritten.unquoted("java.lang.IllegalStateException: boom"));
		// A tail that is not ASCII, and a lone surrogate right before the cut.
		written = this.value.escape("boom \u00e9\n\u2028", 6);
		assertThat(Arrays.copyOf(this.value.output(), written)).isEqualTo(JacksonWritten.unquoted("boom \u00e9"));
		written = this.value.escape("boom \uD800\r\n", 6);
		assertThat(Arrays.copyOf(this.value.output(), written)).isEqualTo(JacksonWritten.unquoted("boom \uFFFD"));
	}

	@Test
	void encodedLineHoldsTheStackTraceAsJacksonWritesIt() {
		List<Throwable> failures = new ArrayList<>();
		for (String text : HostileText.corpus()) {
			IllegalStateException failure = new IllegalStateException(text, new IllegalArgumentException(text));
			failure.addSuppressed(new UnsupportedOperationException("suppressed " + text));
			failures.add(failure);
		}
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

	private void assertSameAsJackson(String text) {
		int written = this.value.escape(text, text.length());
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
