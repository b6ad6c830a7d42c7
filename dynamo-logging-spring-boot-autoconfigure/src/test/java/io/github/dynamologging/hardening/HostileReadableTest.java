package io.github.dynamologging.hardening;

import java.util.List;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import io.github.dynamologging.format.CapturingLogback;
import io.github.dynamologging.format.DynamoReadableEncoder;
import io.github.dynamologging.format.LoneSurrogates;
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
 * on: each event is one line (its exception on lines of its own) that holds no raw control, no raw
 * U+2028/U+2029 and no colour code but the encoder's own six, and shows the text in escaped form.
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

		this.log.warn(text);
		assertThat(line(entry, "message")).endsWith(" " + TARGET + ": " + shown);

		this.log.info("before {} after", text);
		assertThat(line(entry, "{} argument")).endsWith(" " + TARGET + ": before " + shown + " after");

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
		assertExceptionLines(entry, shown);
	}

	@Test
	void aColourCodeInTheTextIsShownNotObeyed() {
		this.log.atError().addKeyValue("k", "\u001b[32mgreen").log("\u001b[0m\u001b[32mfake INFO\u009b0m");
		String line = line(new Entry("colour codes", ""), "message and value");
		assertThat(line).endsWith("\\u001b[0m\\u001b[32mfake INFO\\u009b0m k=\"\\u001b[32mgreen\"");
	}

	/** The event's lines: the first ends the event's own text, then the exception and nothing else. */
	private void assertExceptionLines(Entry entry, String shown) {
		String what = entry.name() + " as exception message";
		String all = HostileLines.strictUtf8(this.logback.bytes(), what);
		this.logback.reset();
		assertThat(all).as(what).endsWith("\n");
		List<String> lines = List.of(all.substring(0, all.length() - 1).split("\n", -1));
		assertThat(ownText(lines.get(0), what)).endsWith(" " + TARGET + ": exception");
		assertThat(lines.get(1)).as(what).isEqualTo("java.lang.IllegalStateException: " + shown);
		assertThat(lines).as(what).contains("Caused by: java.lang.IllegalArgumentException: " + shown);
		for (String line : lines.subList(2, lines.size())) {
			if (!line.startsWith("Caused by: ")) {
				// Logback's stack frames start with a tab; nothing else may.
				assertThat(line).as(what).matches("\t(at |\\.\\.\\. \\d+ common frames omitted).*");
				HostileLines.assertNoRawControls(line.substring(1), what);
			}
		}
	}

	/** The one line the last event wrote, without its colours, after checking them. */
	private String line(Entry entry, String place) {
		String what = entry.name() + " as " + place;
		String line = HostileLines.onlyLine(this.logback.bytes(), what);
		this.logback.reset();
		return ownText(line, what);
	}

	private static String ownText(String line, String what) {
		assertThat(OWN_COLOURS.matcher(line).results().count()).as("%s: the encoder's own colour codes", what)
			.isEqualTo(6);
		String plain = OWN_COLOURS.matcher(line).replaceAll("");
		HostileLines.assertNoRawControls(plain, what);
		return plain;
	}

	/** SPEC 4.2's escaped form of free text: CR, LF, tab by name, other controls as lower-case \\u00xx. */
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
