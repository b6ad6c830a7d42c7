package io.github.dynamologging.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a dynlog write, without Spring: what passes on, and the message of what does not.
 */
class DynlogBodyTest {

	private static final String SHAPE = "The body must be a JSON object like {\"filter\": \"warn,com.example.api=trace\", "
			+ "\"ttl\": \"PT10M\", \"reason\": \"...\"}";

	private static DynlogBody.Checked check(String body) {
		return DynlogBody.check(body.getBytes(StandardCharsets.UTF_8));
	}

	private static JsonNode passedOn(String body) {
		DynlogBody.Checked checked = check(body);
		assertThat(checked.refusal()).isNull();
		return RunningApp.JSON.valueToTree(checked.fields());
	}

	private static String refusal(String body) {
		DynlogBody.Checked checked = check(body);
		assertThat(checked.fields()).isNull();
		assertThat(checked.refusal().status()).isEqualTo(400);
		assertThat(checked.refusal().error()).isEqualTo("Bad Request");
		return checked.refusal().message();
	}

	@Test
	void stringFieldsPassOnAsTheyAre() {
		JsonNode body = passedOn("{\"filter\":\"warn,com.example.api=trace\",\"ttl\":\"PT10M\",\"reason\":\"INC-7 \\u00e9\"}");
		assertThat(body.properties()).hasSize(3);
		assertThat(body.get("filter").stringValue()).isEqualTo("warn,com.example.api=trace");
		assertThat(body.get("ttl").stringValue()).isEqualTo("PT10M");
		assertThat(body.get("reason").stringValue()).isEqualTo("INC-7 \u00e9");
	}

	@Test
	void absentAndNullFieldsAreLeftOutAndUnknownFieldsOfAnyShapeAreIgnored() {
		JsonNode body = passedOn("{\"filter\":\"debug\",\"ttl\":null,\"ticket\":{\"id\":[1,2]},\"dryRun\":true,\"n\":5}");
		assertThat(body.properties()).hasSize(1);
		assertThat(body.get("filter").stringValue()).isEqualTo("debug");
		assertThat(passedOn("{}").properties()).isEmpty();
	}

	@Test
	void noBodyOrABlankOnePassesOnAsNoBody() {
		assertThat(check("").fields()).isEmpty();
		assertThat(check(" \r\n\t").fields()).isEmpty();
		assertThat(check(" \r\n\t").refusal()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"{\"filter\":5}|filter must be a JSON string, but is a number: 5",
			"{\"filter\":true}|filter must be a JSON string, but is a boolean: true",
			"{\"filter\":[\"debug\"]}|filter must be a JSON string, but is an array",
			"{\"filter\":{\"com.example\":\"debug\"}}|filter must be a JSON string, but is an object",
			"{\"filter\":\"debug\",\"ttl\":600}|ttl must be a JSON string, but is a number: 600",
			"{\"filter\":\"debug\",\"reason\":{\"a\":1}}|reason must be a JSON string, but is an object" })
	void fieldThatIsNotAStringIsRefusedNamingTheFieldAndTheType(String body, String message) {
		assertThat(refusal(body)).isEqualTo(message);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"[\"debug\"]|, but it is an array", "\"debug\"|, but it is a string", "5|, but it is a number: 5",
			"null|, but it is null" })
	void bodyThatIsNotAnObjectIsRefusedSayingWhatItIs(String body, String end) {
		assertThat(refusal(body)).isEqualTo(SHAPE + end);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = { "filter=debug|line 1, column 1",
			"{\"filter\":\"debug\"|line 1, column 18", "{\"filter\":\"debug\"} x|line 1, column 20",
			"{\"filter\":\"a\",\"filter\":\"b\"}|line 1, column 23" })
	void bodyThatIsNotJsonIsRefusedWithWhereItBreaks(String body, String where) {
		assertThat(refusal(body)).startsWith(SHAPE + ", but it is not valid JSON at " + where + ": ");
	}

	@Test
	void tooLargeNamesTheLimit() {
		assertThat(DynlogBody.TOO_LARGE.status()).isEqualTo(413);
		assertThat(DynlogBody.TOO_LARGE.message()).startsWith("The body is larger than 65536 bytes");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = { "POST|/actuator/dynlog|true", "POST|/actuator/dynlog/|true",
			"POST|//actuator//dynlog|true", "POST|/actuator/dynlog;x=1|true", "POST|/actuator/dyn%6Cog|true",
			"POST|/spring/actuator/dynlog|true", "GET|/actuator/dynlog|false", "DELETE|/actuator/dynlog|true", "PUT|/actuator/dynlog|false",
			"POST|/actuator/loggers|false", "POST|/actuator/dynlogx|false", "POST|/xactuator/dynlog|false" })
	void targetsEveryPathSpringCouldRouteToTheEndpoint(String method, String path, boolean targets) {
		assertThat(DynlogBody.targets(method, PathContainer.parsePath(path), "/actuator/dynlog")).isEqualTo(targets);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "filter=5&reason=&filter=com.evil|Query parameters 'filter', 'reason' are",
			"filter=debug|Query parameter 'filter' is", "a%20b=1|Query parameter 'a b' is", "%zz|Query parameter '%zz' is",
			"&&ttl|Query parameter 'ttl' is" })
	void queryParametersOnAWriteAreRefusedByName(String query, String start) {
		DynlogError refusal = DynlogBody.queryRefusal(query);
		assertThat(refusal.status()).isEqualTo(400);
		assertThat(refusal.message()).isEqualTo(start + " refused: writes take their arguments from the JSON body "
				+ "only; send {\"filter\": \"warn,com.example.api=trace\", \"ttl\": \"PT10M\", \"reason\": \"...\"} "
				+ "without a query string");
	}

	@Test
	void noQueryOrAnEmptyOneIsNoReasonToRefuse() {
		assertThat(DynlogBody.queryRefusal(null)).isNull();
		assertThat(DynlogBody.queryRefusal("")).isNull();
		assertThat(DynlogBody.queryRefusal("&")).isNull();
	}

	@Test
	void theRawBodyComesBackByteForByteMalformedUtf8Included() {
		byte[] body = { '{', '"', 'f', '"', ':', '"', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '"', '}' };
		Map<String, String> arguments = DynlogBody.arguments("a=1", body);
		assertThat(arguments).containsOnlyKeys(DynlogBody.QUERY, DynlogBody.BODY).containsEntry(DynlogBody.QUERY, "a=1");
		assertThat(arguments.get(DynlogBody.BODY).getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(body);
		assertThat(DynlogBody.arguments(null, null)).isEmpty();
		assertThat(DynlogBody.check(null, arguments.get(DynlogBody.BODY)).refusal().message())
			.startsWith(SHAPE + ", but it is not valid JSON at line 1, column ");
	}

	@Test
	void aWriteIsCheckedQueryFirstThenSizeThenShape() {
		String tooLarge = new String(new byte[DynlogBody.MAX_BYTES + 1], StandardCharsets.ISO_8859_1);
		assertThat(DynlogBody.check("filter=debug", tooLarge).refusal().message()).startsWith("Query parameter 'filter' is");
		assertThat(DynlogBody.check("", tooLarge).refusal()).isEqualTo(DynlogBody.TOO_LARGE);
		assertThat(DynlogBody.check(null, "[1]").refusal().message()).isEqualTo(SHAPE + ", but it is an array");
		assertThat(DynlogBody.check(null, "{\"filter\":\"debug\",\"match\":{\"header\":\"a\",\"equals\":\"b\"}}").fields())
			.containsOnlyKeys("filter", "match")
			.containsEntry("match", "{\"header\":\"a\",\"equals\":\"b\"}");
		assertThat(DynlogBody.check(null, null).fields()).isEmpty();
	}

	@Test
	void targetsNothingWhenTheEndpointTakesNoWrites() {
		assertThat(DynlogBody.targets("POST", PathContainer.parsePath("/actuator/dynlog"), null)).isFalse();
	}

}
