package io.github.dynamologging.format;

import java.util.ArrayList;
import java.util.List;

/** Strings that try to break a line: control characters, quotes, line separators, broken UTF-16, size. */
final class HostileText {

	private HostileText() {
	}

	static List<String> corpus() {
		List<String> corpus = new ArrayList<>();
		StringBuilder c0 = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			c0.append(c);
		}
		corpus.add(c0.toString());
		StringBuilder c1 = new StringBuilder();
		for (char c = 0x7f; c <= 0x9f; c++) {
			c1.append(c);
		}
		corpus.add(c1.toString());
		corpus.add("line one\r\nline two\n{\"time\":\"forged\",\"level\":\"ERROR\"}");
		corpus.add("\"quoted\" and \\backslashed\\ and \\u0041 literal");
		corpus.add("separators \u2028 \u2029 \u0085 end");
		corpus.add("\uFEFFbom first");
		corpus.add("bidi \u202Eevil\u202C override");
		corpus.add("lone high \uD800");
		corpus.add("lone low \uDC00");
		corpus.add("reversed \uDC00\uD800 pair");
		corpus.add("\uD800");
		corpus.add("ansi \u001b[31mred\u001b[0m \u001b]0;title\u0007");
		corpus.add("{\"json\": \"looking\", \"level\": \"ERROR\"}");
		corpus.add("");
		corpus.add("emoji 😀 and CJK 中文 and combining e\u0301");
		corpus.add("nul \u0000 inside");
		corpus.add("x".repeat(100 * 1024));
		corpus.add("\n".repeat(1000));
		corpus.add("ünïcödé ".repeat(5000));
		return corpus;
	}

	/** A short, printable description of a corpus entry for assertion messages. */
	static String describe(String text) {
		String head = (text.length() > 40) ? text.substring(0, 40) + "...(" + text.length() + " chars)" : text;
		StringBuilder shown = new StringBuilder();
		head.chars().forEach((c) -> shown.append((c < 0x20 || c >= 0x7f) ? String.format("\\u%04x", c) : (char) c));
		return shown.toString();
	}

}
