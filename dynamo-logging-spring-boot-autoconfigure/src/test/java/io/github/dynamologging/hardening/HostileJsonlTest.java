package io.github.dynamologging.hardening;

import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import io.github.dynamologging.format.CapturingLogback;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.format.internal.LoneSurrogates;
import io.github.dynamologging.hardening.HostileText.Entry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile string, in every place an event carries text, through the real Logback pipeline into
 * the JSONL encoder: each event is one valid UTF-8 line that parses (duplicate keys refused), validates
 * against the shipped schema and gives the text back (lone surrogates as U+FFFD, nothing else changed).
 */
class HostileJsonlTest {

	private final CapturingLogback logback = new CapturingLogback(new DynamoJsonlEncoder());

	private final Logger log = this.logback.logger("hostile.Jsonl");

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	static List<Entry> corpus() {
		return HostileText.entries();
	}

	@Test
	void theCorpusCoversEveryControlAndEveryCategory() {
		List<Entry> entries = HostileText.entries();
		assertThat(entries).hasSizeGreaterThanOrEqualTo(60);
		assertThat(entries.stream().map(Entry::name).distinct()).hasSameSizeAs(entries);
		String all = String.join("", HostileText.corpus());
		IntStream.concat(IntStream.rangeClosed(0x00, 0x1f), IntStream.rangeClosed(0x7f, 0x9f))
			.forEach((c) -> assertThat(all.indexOf(c)).as("U+%04X in the corpus", c).isNotNegative());
		for (String needle : List.of("\r\n", "\n\r", "\"", "\\", "\u2028", "\u2029", "\u0085", "\uFEFF", "\u202E",
				"\u2066", "\u2067", "\u2068", "\u2069", "\u001b[31m", "\u001b]", "\"}\n{\"level\":\"ERROR\"",
				"\uD83D\uDC68\u200D\uD83D\uDC69", "\uDC00\uD800")) {
			assertThat(all).as("the corpus holds %s", HostileText.describe(needle)).contains(needle);
		}
		assertThat(entries).anySatisfy((entry) -> assertThat(entry.text().length()).isGreaterThanOrEqualTo(1024 * 1024));
		assertThat(entries).anySatisfy((entry) -> assertThat(Character.isHighSurrogate(entry.text().charAt(0))).isTrue());
		assertThat(entries).anySatisfy((entry) -> assertThat(Character.isLowSurrogate(entry.text().charAt(0))).isTrue());
		assertThat(entries).anySatisfy((entry) -> assertThat(entry.text()).isNotEmpty()
			.satisfies((text) -> assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1))).isTrue()));
		assertThat(entries).anySatisfy((entry) -> assertThat(entry.text()).isNotEmpty()
			.satisfies((text) -> assertThat(Character.isLowSurrogate(text.charAt(text.length() - 1))).isTrue()
				.as("a lone low surrogate, not the end of a pair")
				.isEqualTo(!Character.isHighSurrogate(text.charAt(text.length() - 2)))));
		System.out.printf("[hardening] hostile corpus: %d entries, %,d UTF-16 units%n", entries.size(), all.length());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void everyPlaceGivesOneLineThatParsesValidatesAndRoundTrips(Entry entry) {
		String text = entry.text();
		String expected = LoneSurrogates.replace(text);

		this.log.warn(text);
		assertThat(line(entry, "message").get("message").asString()).isEqualTo(expected);

		this.log.info("before {} after", text);
		assertThat(line(entry, "{} argument").get("message").asString()).isEqualTo("before " + expected + " after");

		MDC.put(text, "mdc value");
		this.log.info("MDC key");
		MDC.clear();
		assertThat(line(entry, "MDC key").get(expected).asString()).isEqualTo("mdc value");

		MDC.put("mdc", text);
		this.log.info("MDC value");
		MDC.clear();
		assertThat(line(entry, "MDC value").get("mdc").asString()).isEqualTo(expected);

		this.log.atInfo().addKeyValue(text, "kv value").log("key-value key");
		assertThat(line(entry, "key-value key").get(expected).asString()).isEqualTo("kv value");

		this.log.atInfo().addKeyValue("kv", text).log("key-value value");
		assertThat(line(entry, "key-value value").get("kv").asString()).isEqualTo(expected);

		this.log.error("exception", new IllegalStateException(text, new IllegalArgumentException(text)));
		JsonNode failure = line(entry, "exception message");
		assertThat(failure.get("exception.type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(failure.get("exception.message").asString()).isEqualTo(expected);
		assertThat(failure.get("exception.stacktrace").asString())
			.startsWith("java.lang.IllegalStateException: " + expected + "\n")
			.contains("\nCaused by: java.lang.IllegalArgumentException: " + expected + "\n");

		this.logback.logger(text).info("logger name");
		assertThat(line(entry, "logger name").get("target").asString()).isEqualTo(expected);
	}

	// Keys that only become equal, or move in the order, once their lone surrogates are U+FFFD.

	@Test
	void keysThatDifferOnlyInLoneSurrogatesAreWrittenOnceAndTheKeyValueWins() {
		MDC.put("key\uD800", "from MDC");
		this.log.atInfo().addKeyValue("key\uDC00", "from key-value").log("two keys, one after repair");
		JsonNode json = HostileLines.onlyJsonlLine(this.logback.bytes(), "MDC key and key-value key");
		assertThat(json.get("key\uFFFD").asString()).isEqualTo("from key-value");
	}

	@Test
	void mdcKeysThatMeetOnlyAfterRepairAreWrittenOnce() {
		// Distinct in the MDC map, one key once written, whichever order the map gives them in.
		MDC.put("k\uD800", "lone high");
		MDC.put("k\uDC00", "lone low");
		MDC.put("k\uFFFD", "replacement character");
		this.log.info("three MDC keys, one after repair");
		JsonNode json = HostileLines.onlyJsonlLine(this.logback.bytes(), "three MDC keys");
		assertThat(json.get("k\uFFFD").asString()).isIn("lone high", "lone low", "replacement character");
	}

	@Test
	void keysWithLoneSurrogatesAreSortedAsTheyAreWritten() {
		LoggingEventBuilder event = this.log.atInfo();
		for (String key : List.of("\uDC00low", "\uD83D\uDE00emoji", "\uFFFEnoncharacter", "\uD800high")) {
			event.addKeyValue(key, key.length());
		}
		event.log("keys around U+FFFD");
		JsonNode json = HostileLines.onlyJsonlLine(this.logback.bytes(), "key-value keys");
		assertThat(json.propertyNames()).containsSubsequence("\uFFFDhigh", "\uFFFDlow", "\uFFFEnoncharacter",
				"\uD83D\uDE00emoji");
	}

	/** The one line the last event wrote, checked and parsed; the capture is emptied for the next. */
	private JsonNode line(Entry entry, String place) {
		JsonNode line = HostileLines.onlyJsonlLine(this.logback.bytes(), entry.name() + " as " + place);
		this.logback.reset();
		return line;
	}

}
