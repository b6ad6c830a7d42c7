package io.github.dynamologging.hardening;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

import io.github.dynamologging.schema.LogLineValidator;
import io.github.dynamologging.testing.JsonLines;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What every captured line of the hostile tests must be, whatever the format. */
final class HostileLines {

	private HostileLines() {
	}

	/** Decodes the bytes as UTF-8, refusing malformed input instead of replacing it. */
	static String strictUtf8(byte[] bytes, String what) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return fail("%s: not valid UTF-8: %s", what, ex);
		}
	}

	/** The bytes as exactly one {@code \n}-terminated UTF-8 line, returned without its {@code \n}. */
	static String onlyLine(byte[] bytes, String what) {
		String text = strictUtf8(bytes, what);
		assertThat(text).as("%s: ends with \\n", what).endsWith("\n");
		assertThat(text.indexOf('\n')).as("%s: line breaks before the end", what).isEqualTo(text.length() - 1);
		return text.substring(0, text.length() - 1);
	}

	/**
	 * The bytes as exactly one JSONL line: valid UTF-8, nothing docs/output.md escapes left raw, valid against
	 * the shipped schema, parsed with duplicate keys refused.
	 */
	static JsonNode onlyJsonlLine(byte[] bytes, String what) {
		String line = onlyLine(bytes, what);
		assertNoRawJsonlBreaks(line, what);
		assertThat(LogLineValidator.strict().validateLine(line)).as("%s: schema problems", what).isEmpty();
		return JsonLines.STRICT.readTree(line);
	}

	/**
	 * Checks that no character of a JSONL line is one docs/output.md requires escaped: C0 controls, U+0085,
	 * U+2028 and U+2029. Other C1 controls and DEL are raw UTF-8 there, as docs/output.md says.
	 */
	static void assertNoRawJsonlBreaks(String line, String what) {
		assertNone(line, what, (c) -> c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029');
	}

	/**
	 * Checks that no character of a READABLE line could break or restyle it on a terminal (docs/output.md): C0
	 * and C1 controls, DEL, U+2028 and U+2029.
	 */
	static void assertNoRawControls(String line, String what) {
		assertNone(line, what, (c) -> isControl((char) c));
	}

	/** C0 and C1 controls, DEL, U+2028 and U+2029: what READABLE shows escaped. */
	static boolean isControl(char c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
	}

	private static void assertNone(String line, String what, IntPredicate forbidden) {
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (forbidden.test(c)) {
				fail("%s: raw U+%04X at index %d", what, (int) c, i);
			}
		}
	}

}
