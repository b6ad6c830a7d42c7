package io.github.dynamologging.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import io.github.dynamologging.schema.LogLineValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Fields every line carries, in both formats, through the real Logback path. */
class ExtraFieldsTest {

	private static final Pattern READABLE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z [ A-Z]{5} (?<rest>.*)");

	private static final ExtraFields POD_AND_ZONE = ExtraFields.of(ordered("pod", "orders-7d9f", "k8s.zone", "eu-1b"));

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	private static Map<String, String> ordered(String... namesAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	@Test
	void everyJsonLineCarriesThemAmongTheOtherKeysInByteOrder() {
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setExtraFields(POD_AND_ZONE);
		CapturingLogback logback = new CapturingLogback(encoder);
		Logger log = logback.logger("com.example.Api");
		MDC.put("x_request_id", "abc");
		log.info("one");
		MDC.clear();
		log.atWarn().addKeyValue("count", 3).log("two");
		assertThat(logback.lines()).allSatisfy((line) -> assertThat(LogLineValidator.strict().validateLine(line)).isEmpty());
		JsonNode one = logback.jsonLines().get(0);
		assertThat(one.propertyNames()).containsExactly("time", "level", "file", "line", "target", "message",
				"k8s.zone", "pod", "thread.name", "x_request_id");
		assertThat(one.get("pod").asString()).isEqualTo("orders-7d9f");
		assertThat(one.get("k8s.zone").asString()).isEqualTo("eu-1b");
		JsonNode two = logback.jsonLines().get(1);
		assertThat(two.propertyNames()).containsExactly("time", "level", "file", "line", "target", "message", "count",
				"k8s.zone", "pod", "thread.name");
	}

	@Test
	void anMdcEntryOrAKeyValuePairOfTheSameNameWinsOnItsLine() {
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setExtraFields(POD_AND_ZONE);
		CapturingLogback logback = new CapturingLogback(encoder);
		Logger log = logback.logger("com.example.Api");
		MDC.put("pod", "from-the-mdc");
		log.info("mdc");
		log.atInfo().addKeyValue("pod", 42).log("key-value");
		MDC.clear();
		log.info("neither");
		assertThat(logback.jsonLines()).extracting((line) -> line.get("pod").toString())
			.containsExactly("\"from-the-mdc\"", "42", "\"orders-7d9f\"");
		assertThat(logback.jsonLines()).allSatisfy((line) -> assertThat(line.get("k8s.zone").asString()).isEqualTo("eu-1b"));
	}

	@Test
	void fieldsSetWhileLinesAreWrittenApplyFromTheNextLine() {
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		CapturingLogback logback = new CapturingLogback(encoder);
		Logger log = logback.logger("com.example.Api");
		MDC.put("region", "from-the-mdc");
		log.info("before");
		encoder.setExtraFields(ExtraFields.of(Map.of("region", "eu")));
		log.info("after, the mdc still wins");
		MDC.clear();
		log.info("after");
		encoder.setExtraFields(ExtraFields.NONE);
		log.info("none again");
		assertThat(logback.jsonLines()).extracting((line) -> line.path("region").asString(null))
			.containsExactly("from-the-mdc", "from-the-mdc", "eu", null);
	}

	@Test
	void readableLinesShowThemAsKeyValues() {
		DynamoReadableEncoder encoder = new DynamoReadableEncoder();
		encoder.setExtraFields(ExtraFields.of(ordered("pod", "orders-7d9f", "shard", "3")));
		CapturingLogback logback = new CapturingLogback(encoder);
		logback.logger("com.example.Api").atInfo().addKeyValue("count", 3).log("hello");
		Matcher line = READABLE.matcher(logback.lines().get(0));
		assertThat(line.matches()).isTrue();
		assertThat(line.group("rest")).isEqualTo("com.example.Api: hello count=3 pod=\"orders-7d9f\" shard=\"3\"");
	}

	@Test
	void theEncoderChosenBySettingPassesThemOn() {
		DynamoEncoder encoder = new DynamoEncoder();
		encoder.setFormat("jsonl");
		encoder.setExtraFields(POD_AND_ZONE);
		CapturingLogback logback = new CapturingLogback(encoder);
		logback.logger("x").info("set before start");
		encoder.setExtraFields(ExtraFields.of(Map.of("pod", "next")));
		logback.logger("x").info("set after start");
		assertThat(logback.jsonLines()).extracting((line) -> line.get("pod").asString())
			.containsExactly("orders-7d9f", "next");
	}

	@ParameterizedTest
	@ValueSource(strings = { "time", "level", "message", "target", "file", "line", "trace_id", "span_id", "traceId",
			"x_request_id", "request_id", "thread.name", "exception.type", "uri" })
	void aKeyTheStarterWritesItselfIsRefusedNamingTheFieldAndTheRule(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> ExtraFields.of(Map.of(name, "x")))
			.withMessageStartingWith("extra field '" + name + "': '" + name + "' is a key the starter writes itself (")
			.withMessageEndingWith("); give the field another name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "pod name", "pöd", "a\"b", "fields.pod" })
	void aNameOutsideTheRuleIsRefused(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> ExtraFields.of(Map.of(name, "x")))
			.withMessageStartingWith("extra field '" + name + "': ");
		assertThat(ExtraFields.problemWith(name)).isNotNull();
	}

	@Test
	void nameRuleInDetail() {
		assertThat(ExtraFields.problemWith("k8s.pod-name_1")).isNull();
		assertThat(ExtraFields.problemWith("a".repeat(128))).isNull();
		assertThat(ExtraFields.problemWith("a".repeat(129))).contains("1 to 128 letters, digits");
		assertThat(ExtraFields.problemWith("fields.pod")).contains("names starting with 'fields.'");
	}

}
