package io.github.dynamologging.hardening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Named strings that try to break a log line: every C0 and C1 control and DEL, CR/LF in every order,
 * quotes and backslashes, the Unicode line separators, BOMs, bidi overrides, broken UTF-16, forged JSON,
 * ANSI escapes and sheer size. A failure message names the entry, never its raw text.
 */
public final class HostileText {

	/** One hostile string and the name that tests report it by. */
	public record Entry(String name, String text) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static final List<Entry> ENTRIES = Collections.unmodifiableList(build());

	private HostileText() {
	}

	/** Every entry, at least 60. */
	public static List<Entry> entries() {
		return ENTRIES;
	}

	/** The texts of {@link #entries()}, in the same order. */
	public static List<String> corpus() {
		return ENTRIES.stream().map(Entry::text).toList();
	}

	/** A short, printable description of a text for assertion messages. */
	public static String describe(String text) {
		String head = (text.length() > 40) ? text.substring(0, 40) + "...(" + text.length() + " chars)" : text;
		StringBuilder shown = new StringBuilder();
		head.chars().forEach((c) -> shown.append((c < 0x20 || c >= 0x7f) ? String.format("\\u%04x", c) : (char) c));
		return shown.toString();
	}

	private static List<Entry> build() {
		List<Entry> entries = new ArrayList<>();
		// Controls: every C0, DEL and every C1 at least once, then the ones that matter most alone.
		entries.add(new Entry("all C0 controls U+0000..U+001F", range(0x00, 0x1f)));
		entries.add(new Entry("DEL and all C1 controls U+007F..U+009F", range(0x7f, 0x9f)));
		entries.add(new Entry("C0 controls between words", "a\u0001b\u0002c\u0003d\u0004e\u0005f\u0006g\u000bh\u000ci"));
		entries.add(new Entry("NUL inside", "nul \u0000 inside"));
		entries.add(new Entry("NUL only", "\u0000"));
		entries.add(new Entry("DEL inside", "del \u007f inside"));
		entries.add(new Entry("backspaces that would erase on a terminal", "secret\b\b\b\b\b\bpublic"));
		entries.add(new Entry("bell and form feed", "ding\u0007 page\f break"));
		entries.add(new Entry("tabs and vertical tab", "\tcol\tcol\u000bnext"));
		// Line breaks in every combination.
		entries.add(new Entry("CRLF forging a JSON line", "line one\r\nline two\n{\"time\":\"forged\",\"level\":\"ERROR\"}"));
		entries.add(new Entry("LF CR reversed pair", "one\n\rtwo"));
		entries.add(new Entry("lone CR at end", "carriage return\r"));
		entries.add(new Entry("lone LF at start", "\nstarts with a newline"));
		entries.add(new Entry("CRLF only", "\r\n"));
		entries.add(new Entry("1000 LF", "\n".repeat(1000)));
		entries.add(new Entry("1000 CRLF pairs", "\r\n".repeat(1000)));
		// Quotes and backslashes.
		entries.add(new Entry("quotes, backslashes and a literal \\u escape", "\"quoted\" and \\backslashed\\ and \\u0041 literal"));
		entries.add(new Entry("trailing backslash", "ends with a backslash \\"));
		entries.add(new Entry("escaped quote that is not", "\\\" still inside? \\\\\""));
		entries.add(new Entry("literal \\n and \\u2028 text", "not a newline: \\n \\r \\u2028 \\u001b[31m"));
		entries.add(new Entry("single quotes and SQL", "'; DROP TABLE logs; --"));
		// Unicode line and paragraph separators, NEL.
		entries.add(new Entry("U+2028, U+2029 and U+0085 between words", "separators \u2028 \u2029 \u0085 end"));
		entries.add(new Entry("U+2028 alone", "\u2028"));
		entries.add(new Entry("U+2029 at end", "paragraph\u2029"));
		entries.add(new Entry("U+0085 NEL at start", "\u0085next line"));
		// Byte order marks and noncharacters.
		entries.add(new Entry("BOM first", "\uFEFFbom first"));
		entries.add(new Entry("BOM last", "bom last\uFEFF"));
		entries.add(new Entry("reversed BOM U+FFFE and U+FFFF", "\uFFFE and \uFFFF noncharacters"));
		entries.add(new Entry("literal replacement character", "already \uFFFD replaced"));
		// Bidi controls (Trojan Source), zero-width characters.
		entries.add(new Entry("RLO bidi override", "bidi \u202Eevil\u202C override"));
		entries.add(new Entry("bidi isolates U+2066..U+2069", "\u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069"));
		entries.add(new Entry("bidi embeddings and marks", "\u202Aembed\u202B\u202C\u202D\u200E\u200F\u061C"));
		entries.add(new Entry("zero-width space, non-joiner, joiner", "zero\u200Bwidth\u200C\u200Djoin\u2060"));
		// Broken UTF-16: lone and reversed surrogates, at the start, middle and end.
		entries.add(new Entry("lone high surrogate in the middle", "lone high \uD800 here"));
		entries.add(new Entry("lone low surrogate in the middle", "lone low \uDC00 here"));
		entries.add(new Entry("reversed surrogate pair", "reversed \uDC00\uD800 pair"));
		entries.add(new Entry("lone high surrogate at start", "\uD83Dstart"));
		entries.add(new Entry("lone high surrogate at end", "end\uD83D"));
		entries.add(new Entry("lone low surrogate at start", "\uDE00start"));
		entries.add(new Entry("lone low surrogate at end", "end\uDFFF"));
		entries.add(new Entry("lone high surrogate only", "\uD800"));
		entries.add(new Entry("two high surrogates then a low", "\uD83D\uD83D\uDE00"));
		entries.add(new Entry("emoji split by a character", "\uD83Dx\uDE00"));
		// Valid astral and combining text: must come back unchanged.
		entries.add(new Entry("emoji, CJK and combining accent", "emoji \uD83D\uDE00 and CJK \u4E2D\u6587 and combining e\u0301"));
		entries.add(new Entry("ZWJ family emoji", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"));
		entries.add(new Entry("flag and skin tone", "\uD83C\uDDE9\uD83C\uDDEA \uD83D\uDC4D\uD83C\uDFFD"));
		entries.add(new Entry("astral math letters and U+10FFFF", "\uD835\uDD38\uD835\uDD39 last \uDBFF\uDFFF"));
		entries.add(new Entry("mojibake", "Ã©tÃ© â€œquotedâ€\u009d"));
		// Text that looks like JSON or like another field.
		entries.add(new Entry("JSON line terminator forging ERROR", "\"}\n{\"level\":\"ERROR\""));
		entries.add(new Entry("JSON object", "{\"json\": \"looking\", \"level\": \"ERROR\"}"));
		entries.add(new Entry("JSON with duplicate keys", "{\"a\":1,\"a\":2}"));
		entries.add(new Entry("JSON array and literals", "[null, true, 1e309, -0]"));
		entries.add(new Entry("closing quote and brace", "\"}"));
		entries.add(new Entry("readable key=value forgery", "ok x_request_id=\"forged\" level=ERROR"));
		entries.add(new Entry("logging placeholders", "{} {} %s %n ${jndi:ldap://127.0.0.1/x}"));
		entries.add(new Entry("HTML script", "<script>alert('x')</script>&amp;"));
		// Terminal escapes: colours, titles, hyperlinks, cursor movement, the 8-bit CSI.
		entries.add(new Entry("ANSI colour and OSC title", "ansi \u001b[31mred\u001b[0m \u001b]0;title\u0007"));
		entries.add(new Entry("ANSI clear screen and home", "\u001b[2J\u001b[H"));
		entries.add(new Entry("ANSI cursor up and erase line", "\u001b[1A\u001b[2Kfake previous line"));
		entries.add(new Entry("OSC 8 hyperlink with ST", "\u001b]8;;http://127.0.0.1/\u001b\\link\u001b]8;;\u001b\\"));
		entries.add(new Entry("8-bit CSI U+009B", "\u009b31mred\u009b0m"));
		entries.add(new Entry("ESC alone at end", "escape\u001b"));
		// Sizes.
		entries.add(new Entry("empty", ""));
		entries.add(new Entry("single space", " "));
		entries.add(new Entry("100 KiB of x", "x".repeat(100 * 1024)));
		entries.add(new Entry("40,000 chars of accented text", "\u00FCn\u00EFc\u00F6d\u00E9 ".repeat(5000)));
		entries.add(new Entry("1 MiB of mixed hostile text", mixedMebibyte()));
		return entries;
	}

	private static String range(int first, int last) {
		StringBuilder text = new StringBuilder();
		for (int c = first; c <= last; c++) {
			text.append((char) c);
		}
		return text.toString();
	}

	/**
	 * 1 MiB (as UTF-16 units) of controls, quotes, separators, ESC, astral pairs and a lone surrogate.
	 * No '.' or '$': used as a logger name, each of those would make Logback create a parent logger.
	 */
	private static String mixedMebibyte() {
		String unit = "ab\"\\\n\r\u0000\u001b[31m\u2028\u0085\u009b\uD83D\uDE00\uD800 ";
		StringBuilder text = new StringBuilder(1024 * 1024);
		while (text.length() + unit.length() <= 1024 * 1024) {
			text.append(unit);
		}
		return text.append("x".repeat(1024 * 1024 - text.length())).toString();
	}

}
