package io.github.dynamologging.format;

import io.github.dynamologging.format.internal.LoneSurrogates;

/**
 * Escapes text for the readable format so that an event can never forge another event's line or a colour
 * (docs/output.md): CR, tab, ESC and the rest of C0 and C1, DEL, U+2028 and U+2029 are shown as
 * {@code \r}, {@code \t} or {@code \u001b}; LF too, except in free text that may span lines (a message),
 * where it starts a new line indented by {@link #CONTINUATION}. Lone surrogates become U+FFFD.
 */
final class ReadableText {

	/** What starts every further line of an event: no event's first line starts with a space. */
	static final String CONTINUATION = "  ";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private ReadableText() {
	}

	/** Appends text that must stay on one line (a target, a key), escaping what could break the line. */
	static void appendEscaped(StringBuilder out, String text) {
		append(out, text, false, null);
	}

	/** Appends free text whose line breaks start new lines, each beginning with {@code continuation}. */
	static void appendLines(StringBuilder out, String text, String continuation) {
		append(out, text, false, continuation);
	}

	/** Appends {@code "text"}, also escaping quotes and backslashes so the value's end is unambiguous. */
	static void appendQuoted(StringBuilder out, String text) {
		out.append('"');
		append(out, text, true, null);
		out.append('"');
	}

	private static void append(StringBuilder out, String text, boolean quoted, String continuation) {
		String safe = LoneSurrogates.replace(text);
		int length = safe.length();
		for (int i = 0; i < length; i++) {
			char c = safe.charAt(i);
			if (c == '\n') {
				if (continuation != null) {
					out.append('\n').append(continuation);
				}
				else {
					out.append("\\n");
				}
			}
			else if (c == '\r') {
				out.append("\\r");
			}
			else if (c == '\t') {
				out.append("\\t");
			}
			else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
				out.append("\\u")
					.append(HEX[(c >> 12) & 0xf])
					.append(HEX[(c >> 8) & 0xf])
					.append(HEX[(c >> 4) & 0xf])
					.append(HEX[c & 0xf]);
			}
			else if (quoted && (c == '"' || c == '\\')) {
				out.append('\\').append(c);
			}
			else {
				out.append(c);
			}
		}
	}

}
