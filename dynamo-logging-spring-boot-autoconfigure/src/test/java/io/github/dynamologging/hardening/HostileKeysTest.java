package io.github.dynamologging.hardening;

import java.util.List;

import ch.qos.logback.classic.Logger;
import io.github.dynamologging.format.CapturingLogback;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys that only become equal, or change their place in the order, once their lone surrogates are
 * replaced with U+FFFD: the line must still have each key once and in UTF-8 byte order.
 */
class HostileKeysTest {

	private final CapturingLogback logback = new CapturingLogback(new DynamoJsonlEncoder());

	private final Logger log = this.logback.logger("hostile.Keys");

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void keysThatDifferOnlyInLoneSurrogatesAreWrittenOnceAndTheKeyValueWins() {
		MDC.put("key\uD800", "from MDC");
		this.log.atInfo().addKeyValue("key\uDC00", "from key-value").log("two keys, one after repair");
		JsonNode json = HostileLines.onlyJsonlLine(this.logback.bytes(), "MDC key and key-value key");
		assertThat(json.get("key\uFFFD").asString()).isEqualTo("from key-value");
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

}
