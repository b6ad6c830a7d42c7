package io.github.dynamologging.format;

import java.util.ArrayList;
import java.util.List;

import io.github.dynamologging.hardening.HostileText;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class FieldKeyTest {

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void preQuotedNamesAreWhatJacksonWritesAndHostileKeysHaveNone() {
		List<String> keys = new ArrayList<>(HostileText.corpus());
		keys.addAll(List.of("user_id", "x_request_id", "a/b", "with space", "~", "time", "traceId", "spanId"));
		FieldKey.Cache cache = new FieldKey.Cache();
		for (String key : keys) {
			FieldKey fieldKey = cache.of(key);
			if (fieldKey.name() != null) {
				assertThat(fieldKey.name().asQuotedUTF8()).as(HostileText.describe(key))
					.isEqualTo(JacksonWritten.unquoted(fieldKey.text()));
			}
			else {
				assertThat(fieldKey.text()).as(HostileText.describe(key))
					.matches((text) -> text.chars().anyMatch((c) -> c < 0x20 || c > 0x7e || c == '"' || c == '\\'));
			}
		}
		assertThat(cache.of("traceId")).isSameAs(FieldKey.TRACE_ID);
		assertThat(cache.of("time").text()).isEqualTo("fields.time");
		assertThat(cache.of("time").mayCollide()).isTrue();
		assertThat(cache.of("user_id").mayCollide()).isFalse();
	}

	@Test
	void cacheIsBoundedInEntriesAndKeyLength() {
		FieldKey.Cache cache = new FieldKey.Cache();
		for (int i = 0; i < 10 * FieldKey.Cache.MAX_ENTRIES; i++) {
			assertThat(cache.of("key-" + i).text()).isEqualTo("key-" + i);
			assertThat(cache.size()).isLessThanOrEqualTo(FieldKey.Cache.MAX_ENTRIES);
		}
		String huge = "k".repeat(FieldKey.Cache.MAX_KEY_LENGTH + 1);
		int before = cache.size();
		assertThat(cache.of(huge).text()).isEqualTo(huge);
		assertThat(cache.size()).isEqualTo(before);
	}

	@Test
	void hostileMdcKeysAreWrittenAsJacksonWritesThem() {
		CapturingLogback logback = new CapturingLogback(new DynamoJsonlEncoder());
		for (String key : HostileText.corpus()) {
			if (key.isEmpty()) {
				continue;
			}
			logback.reset();
			MDC.put(key, "v");
			logback.logger("x").info("hostile key");
			MDC.clear();
			byte[] expected = concat(JacksonWritten.quoted(key), ":\"v\"".getBytes());
			assertThat(new String(logback.bytes(), java.nio.charset.StandardCharsets.UTF_8))
				.as(HostileText.describe(key))
				.contains(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	@Test
	void reusedSortOrderFollowsChangingKeySets() {
		CapturingLogback logback = new CapturingLogback(new DynamoJsonlEncoder());
		List<List<String>> keySets = List.of(List.of("b", "a", "c"), List.of("b", "a", "c"), List.of("b", "a"),
				List.of("zz", "a", "c", "b"), List.of("b", "a", "c"), List.of("c", "b", "a"), List.of("traceId", "trace_id", "a"));
		for (List<String> keySet : keySets) {
			logback.reset();
			for (String key : keySet) {
				MDC.put(key, "value of " + key);
			}
			logback.logger("x").info("sorted");
			MDC.clear();
			JsonNode json = logback.onlyJsonLine();
			List<String> written = new ArrayList<>(json.propertyNames());
			List<String> userKeys = written.subList(written.indexOf("message") + 1, written.size());
			assertThat(userKeys).as("keys of %s", keySet).isSortedAccordingTo(Utf8KeyOrder.INSTANCE);
			for (String key : keySet) {
				String writtenKey = "traceId".equals(key) ? "trace_id" : key;
				assertThat(json.has(writtenKey)).as("%s in %s", writtenKey, keySet).isTrue();
				if (!"traceId".equals(key)) {
					assertThat(json.get(writtenKey).asString()).isEqualTo("value of " + key);
				}
			}
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
