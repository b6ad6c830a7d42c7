package io.github.dynamologging.hardening;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import io.github.dynamologging.format.CapturingLogback;
import io.github.dynamologging.format.DynamoReadableEncoder;
import io.github.dynamologging.format.internal.LoneSurrogates;
import io.github.dynamologging.hardening.HostileText.Entry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile string, in every place an event carries text, through the READABLE encoder with colours
 * on: an event's first line holds no raw control, no raw U+2028/U+2029 and no colour code but the
 * encoder's own six, and shows the text in escaped form. A message's LF, and only a message's, starts a
 * further line; every further line (those and the exception's) starts with two spaces, so none starts
 * like an event, and holds no raw control either.
 */
class HostileReadableTest {

	/** The SGR sequences the encoder itself writes: time and target dim, the level's colour, resets. */
	private static final Pattern OWN_COLOURS = Pattern.compile("\u001b\\[(?:0|2|3[1-5])m");

	private static final String TARGET = "hostile.Readable";

	private final DynamoReadableEncoder encoder = new DynamoReadableEncoder();

	private CapturingLogback logback;

	private Logger log;

	@BeforeEach
	void colouredEncoder() {
		this.encoder.setColour(true);
		this.logback = new CapturingLogback(this.encoder);
		this.log = this.logback.logger(TARGET);
	}

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	static List<Entry> corpus() {
		return HostileText.entries();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void everyPlaceGivesOneLineWithTheTextEscaped(Entry entry) {
		String text = entry.text();
		String shown = shown(LoneSurrogates.replace(text));
		String quoted = quoted(LoneSurrogates.replace(text));
		String message = shownMessage(LoneSurrogates.replace(text), "\n  ");

		this.log.warn(text);
		assertThat(event(entry, "message")).endsWith(" " + TARGET + ": " + message);

		this.log.info("before {} after", text);
		assertThat(event(entry, "{} argument")).endsWith(" " + TARGET + ": before " + message + " after");

		MDC.put(text, "mdc value");
		this.log.info("MDC key");
		MDC.clear();
		assertThat(line(entry, "MDC key")).endsWith(": MDC key " + shown + "=\"mdc value\"");

		MDC.put("mdc", text);
		this.log.info("MDC value");
		MDC.clear();
		assertThat(line(entry, "MDC value")).endsWith(": MDC value mdc=" + quoted);

		this.log.atInfo().addKeyValue(text, "kv value").log("key-value key");
		assertThat(line(entry, "key-value key")).endsWith(": key-value key " + shown + "=\"kv value\"");

		this.log.atInfo().addKeyValue("kv", text).log("key-value value");
		assertThat(line(entry, "key-value value")).endsWith(": key-value value kv=" + quoted);

		this.logback.logger(text).info("logger name");
		assertThat(line(entry, "logger name")).endsWith(" " + shown + ": logger name");

		this.log.error("exception", new IllegalStateException(text, new IllegalArgumentException(text)));
		assertExceptionLines(entry, shownMessage(LoneSurrogates.replace(text), "\n    "));
	}

	@Test
	void aColourCodeInTheTextIsShownNotObeyed() {
		this.log.atError().addKeyValue("k", "\u001b[32mgreen").log("\u001b[0m\u001b[32mfake INFO\u009b0m");
		String line = line(new Entry("colour codes", ""), "message and value");
		assertThat(line).endsWith("\\u001b[0m\\u001b[32mfake INFO\\u009b0m k=\"\\u001b[32mgreen\"");
	}

	/** The event's lines: the first ends the event's own text, then the exception, indented. */
	private void assertExceptionLines(Entry entry, String shown) {
		String what = entry.name() + " as exception message";
		String all = HostileLines.strictUtf8(this.logback.bytes(), what);
		this.logback.reset();
		assertThat(all).as(what).endsWith("\n");
		List<String> lines = List.of(all.substring(0, all.length() - 1).split("\n", -1));
		assertThat(ownText(lines.get(0), what)).endsWith(" " + TARGET + ": exception");
		assertFurtherLines(lines.subList(1, lines.size()), what);
		String exception = all.substring(all.indexOf('\n') + 1);
		assertThat(exception).as(what).startsWith("  java.lang.IllegalStateException: " + shown + "\n    at ");
		assertThat(exception).as(what).contains("\n  Caused by: java.lang.IllegalArgumentException: " + shown + "\n");
		// Logback's frames, with its tab turned into indentation: stack frames are the only lines at 4 spaces
		// that start with "at " and nothing of the hostile text sits at the start of a line unindented.
		assertThat(lines.get(lines.size() - 1)).as(what).matches("    (at |\\.\\.\\. \\d+ common frames omitted).*");
	}

	/** The one line the last event wrote, without its colours, after checking them. */
	private String line(Entry entry, String place) {
		String what = entry.name() + " as " + place;
		String line = HostileLines.onlyLine(this.logback.bytes(), what);
		this.logback.reset();
		return ownText(line, what);
	}

	/**
	 * The text the last event wrote, its first line without its colours, after checking that every further
	 * line is indented and clean.
	 */
	private String event(Entry entry, String place) {
		String what = entry.name() + " as " + place;
		String all = HostileLines.strictUtf8(this.logback.bytes(), what);
		this.logback.reset();
		assertThat(all).as("%s: ends with \\n", what).endsWith("\n");
		List<String> lines = List.of(all.substring(0, all.length() - 1).split("\n", -1));
		assertFurtherLines(lines.subList(1, lines.size()), what);
		return ownText(lines.get(0), what) + all.substring(lines.get(0).length(), all.length() - 1);
	}

	/** Lines after an event's first: indented, no raw control, no colour. */
	private static void assertFurtherLines(List<String> further, String what) {
		for (String line : further) {
			assertThat(line).as("%s: a further line is indented", what).startsWith("  ");
			HostileLines.assertNoRawControls(line, what);
		}
	}

	private static String ownText(String line, String what) {
		assertThat(OWN_COLOURS.matcher(line).results().count()).as("%s: the encoder's own colour codes", what)
			.isEqualTo(6);
		String plain = OWN_COLOURS.matcher(line).replaceAll("");
		HostileLines.assertNoRawControls(plain, what);
		return plain;
	}

	/** A message's form: escaped like {@link #shown}, except that LF starts a line with {@code newLine}. */
	private static String shownMessage(String text, String newLine) {
		return String.join(newLine, Arrays.stream(text.split("\n", -1)).map(HostileReadableTest::shown).toList());
	}

	/** the docs/output.md escaped form of free text: CR, LF, tab by name, other controls as lower-case \\u00xx. */
	private static String shown(String text) {
		StringBuilder shown = new StringBuilder();
		text.chars().forEach((c) -> {
			switch (c) {
				case '\n' -> shown.append("\\n");
				case '\r' -> shown.append("\\r");
				case '\t' -> shown.append("\\t");
				default -> shown.append(HostileLines.isControl((char) c) ? String.format("\\u%04x", c) : (char) c);
			}
		});
		return shown.toString();
	}

	/** A string value: quoted, with quotes and backslashes escaped as well. */
	private static String quoted(String text) {
		return "\"" + shown(text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
	}

}
