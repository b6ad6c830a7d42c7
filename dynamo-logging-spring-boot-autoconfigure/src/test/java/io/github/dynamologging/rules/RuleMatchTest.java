package io.github.dynamologging.rules;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleMatchTest {

	private static final Map<String, List<String>> HEADERS = Map.of("x-request-id", List.of("abc"));

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{}                                              | match is empty
			[]                                              | match must be a JSON object
			{"host": "a"}                                   | match.host is not a known field
			{"path": "/a/{id"}                              | match.path '/a/{id' is not a valid path pattern
			{"path": "orders/**"}                           | match.path 'orders/**' must start with '/'
			{"sample": 1.5}                                 | match.sample 1.5 is outside [0, 1]
			{"sample": -0.1}                                | match.sample -0.1 is outside [0, 1]
			{"sample": "0.5"}                               | match.sample must be a number from 0 to 1
			{"header": "X Request", "equals": "a"}          | match.header 'X Request' is not an HTTP header name
			{"header": "", "equals": "a"}                   | match.header is empty
			{"header": "X-Request-Id"}                      | match.header needs match.equals
			{"equals": "a"}                                 | match.equals needs match.header
			{"header": "X-Request-Id", "equals": 5}         | match.equals must be a JSON string
			""")
	void malformedMatchIsRefusedNamingTheFieldAndTheRule(String json, String message) {
		assertThatExceptionOfType(InvalidRuleException.class).isThrownBy(() -> RuleMatch.parse(json))
			.withMessageStartingWith("Invalid request rule: " + message);
	}

	@Test
	void allFieldsGivenMustHold() {
		RuleMatch match = RuleMatch.parse("{\"header\": \"X-Request-Id\", \"equals\": \"abc\", \"path\": \"/api/**\"}");
		assertThat(match.matches(this::header, () -> PathContainer.parsePath("/api/orders/7"))).isTrue();
		assertThat(match.matches(this::header, () -> PathContainer.parsePath("/other"))).isFalse();
		assertThat(match.matches((name) -> List.of("abd"), () -> PathContainer.parsePath("/api/orders"))).isFalse();
		assertThat(match.matchesEveryRequest()).isFalse();
	}

	@Test
	void sampleDecidesTheShareOfMatchingRequests() {
		PathContainer path = PathContainer.parsePath("/");
		assertThat(RuleMatch.parse("{\"sample\": 0}").matches(this::header, () -> path)).isFalse();
		RuleMatch everything = RuleMatch.parse("{\"sample\": 1}");
		assertThat(everything.matches(this::header, () -> path)).isTrue();
		assertThat(everything.matchesEveryRequest()).isTrue();
		assertThat(RuleMatch.parse("{\"sample\": 1, \"path\": \"/**\"}").matchesEveryRequest()).isFalse();
	}

	@Test
	void describesTheMatchAsWritten() {
		RuleMatch match = RuleMatch.parse("{\"sample\": 0.25, \"path\": \"/api/*\", \"header\": \"h\", \"equals\": \"v\"}");
		assertThat(match.describe()).containsExactly(Map.entry("header", "h"), Map.entry("equals", "v"),
				Map.entry("path", "/api/*"), Map.entry("sample", 0.25));
	}

	private List<String> header(String name) {
		return HEADERS.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
	}

}
