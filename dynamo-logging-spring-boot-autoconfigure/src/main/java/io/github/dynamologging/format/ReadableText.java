package io.github.dynamologging.format;

/**
 * Escapes text for the readable format so that an event can never forge a second line or a colour:
 * CR, LF, tab, ESC and the rest of C0 and C1, DEL, U+2028 and U+2029 are shown as {@code \n},
 * {@code \r}, {@code \t} or {@code \u001b}. Lone surrogates become U+FFFD.
 */
final class ReadableText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private ReadableText() {
	}

	/** Appends free text (a message), escaping only what could break the line. */
	static void appendEscaped(StringBuilder out, String text) {
		append(out, text, false);
	}

	/** Appends {@code "text"}, also escaping quotes and backslashes so the value's end is unambiguous. */
	static void appendQuoted(StringBuilder out, String text) {
		out.append('"');
		append(out, text, true);
		out.append('"');
	}

	/** The escaped form of free text. */
	static String escaped(String text) {
		StringBuilder out = new StringBuilder(text.length() + 8);
		appendEscaped(out, text);
		return out.toString();
	}

	private static void append(StringBuilder out, String text, boolean quoted) {
		String safe = LoneSurrogates.replace(text);
		int length = safe.length();
		for (int i = 0; i < length; i++) {
			char c = safe.charAt(i);
			if (c == '\n') {
				out.append("\\n");
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
