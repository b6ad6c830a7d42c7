package io.github.dynamologging.rules;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.dynamologging.request.CapturedLines;
import io.github.dynamologging.runtime.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.github.dynamologging.request.CapturedLines.text;
import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-request rules on a real Tomcat: added, listed and removed through the endpoint, applied per request. */
class ServletRequestRulesIntegrationTest {

	static final String RULE_BY_ID = "{\"match\": {\"header\": \"X-Request-Id\", \"equals\": \"%s\"}, "
			+ "\"filter\": \"com.example.rules=debug\", \"ttl\": \"PT5M\", \"reason\": \"incident 18\"}";

	private static RunningApp app;

	@RegisterExtension
	final CapturedLines captured = new CapturedLines();

	@BeforeAll
	static void start() {
		app = RunningApp.start(new Class<?>[] { App.class }, "management.endpoints.web.exposure.include=dynlog,loggers");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@AfterEach
	void removeRules() throws Exception {
		assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
	}

	@Test
	void matchingRequestLogsItsDebugLinesOnEveryThreadItsWorkRunsOn() throws Exception {
		String rule = addRule("watched-1");
		for (String path : List.of("/work", "/async", "/task")) {
			assertThat(app.get(path, "X-Request-Id", "watched-1").statusCode()).isEqualTo(200);
			assertThat(app.get(path, "X-Request-Id", "other-1").statusCode()).isEqualTo(200);
		}
		JsonNode work = RuleLines.raised(this.captured, "work details", "watched-1", rule);
		JsonNode async = RuleLines.raised(this.captured, "async details", "watched-1", rule);
		JsonNode task = RuleLines.raised(this.captured, "task details", "watched-1", rule);
		assertThat(text(async, "thread.name")).isNotEqualTo(text(work, "thread.name"));
		assertThat(text(task, "thread.name")).isNotEqualTo(text(work, "thread.name"));
		// A line the process-wide level lets through anyway is not marked.
		JsonNode done = this.captured.await((line) -> "work done".equals(text(line, "message"))
				&& "watched-1".equals(text(line, "x_request_id")));
		assertThat(done.has("dynlog_rule")).isFalse();
		// Other requests, and the process-wide level, are untouched.
		RuleLines.notRaised(this.captured, "other-1", "work done");
		JsonNode logger = json(app.get("/actuator/loggers/com.example.rules"));
		assertThat(logger.get("effectiveLevel").stringValue()).isEqualTo("INFO");
		assertThat(LoggerFactory.getLogger("com.example.rules.Api").isDebugEnabled()).isFalse();
	}

	@Test
	void getListsTheRulesWithTheirCountsAndDeleteRemovesOne() throws Exception {
		Instant before = Instant.now();
		String rule = addRule("listed-1");
		app.get("/work", "X-Request-Id", "listed-1");
		JsonNode listed = json(app.get("/actuator/dynlog")).get("requestRules");
		assertThat(listed).hasSize(1);
		JsonNode first = listed.get(0);
		assertThat(first.get("id").stringValue()).isEqualTo(rule);
		assertThat(first.get("match").get("header").stringValue()).isEqualTo("X-Request-Id");
		assertThat(first.get("match").get("equals").stringValue()).isEqualTo("listed-1");
		assertThat(first.get("filter").stringValue()).isEqualTo("com.example.rules=debug");
		assertThat(first.get("reason").stringValue()).isEqualTo("incident 18");
		assertThat(first.get("requestsMatched").longValue()).isEqualTo(1);
		assertThat(first.get("requestsSkipped").longValue()).isZero();
		assertThat(Instant.parse(first.get("expiresAt").stringValue()))
			.isBetween(before.plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));

		HttpResponse<String> removed = app.delete("/actuator/dynlog/" + rule);
		assertThat(removed.statusCode()).isEqualTo(200);
		assertThat(json(removed).get("requestRules")).isEmpty();
		HttpResponse<String> again = app.delete("/actuator/dynlog/" + rule);
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(json(again).get("message").stringValue()).startsWith("There is no request rule with id '" + rule + "'");
		assertThat(app.auditLines()).extracting((line) -> line.get("action")).contains("rule_add", "rule_remove");
	}

	@Test
	void ruleChangesNoProcessWideLevelAndDeleteRemovesEveryRule() throws Exception {
		String filterBefore = json(app.get("/actuator/dynlog")).get("filter").stringValue();
		addRule("a");
		addRule("b");
		JsonNode state = json(app.get("/actuator/dynlog"));
		assertThat(state.get("filter").stringValue()).isEqualTo(filterBefore);
		assertThat(state.get("overrides")).isEmpty();
		assertThat(state.get("requestRules")).hasSize(2);
		assertThat(json(app.delete("/actuator/dynlog")).get("requestRules")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"match": {"sample": 2}, "filter": "debug"}                        | Invalid request rule: match.sample 2 is outside [0, 1]
			{"match": {}, "filter": "debug"}                                   | Invalid request rule: match is empty
			{"match": {"paths": "/a"}, "filter": "debug"}                      | Invalid request rule: match.paths is not a known field
			{"match": {"path": "/a/{x"}, "filter": "debug"}                    | Invalid request rule: match.path '/a/{x' is not a valid path pattern
			{"match": {"header": "a b", "equals": "x"}, "filter": "debug"}     | Invalid request rule: match.header 'a b' is not an HTTP header name
			{"match": "X-Request-Id=abc", "filter": "debug"}                   | match must be a JSON object
			{"match": {"sample": 0.5}, "filter": "debgu=verbose"}              | Invalid directive 'debgu=verbose'
			{"match": {"sample": 0.5}, "filter": "debug", "ttl": "PT5H"}       | ttl 'PT5H' is longer than the maximum PT1H
			""")
	void malformedRuleIsRefusedWith400NamingTheFieldAndTheRule(String body, String message) throws Exception {
		HttpResponse<String> response = app.post("/actuator/dynlog", body);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("message").stringValue()).startsWith(message);
		assertThat(json(app.get("/actuator/dynlog")).get("requestRules")).isEmpty();
	}

	@Test
	void entryOfAnotherServiceIsNotHonouredWithoutAKey() throws Exception {
		RuleBaggage signer = new RuleBaggage("0123456789abcdef0123456789abcdef", java.time.Clock.systemUTC(),
				BaggageEntryCounts.uncounted());
		String entry = signer.sign("abcd1234", io.github.dynamologging.filter.LogFilter.parseStrict("debug"), null);
		app.get("/work", "X-Request-Id", "unkeyed-1", "baggage", "dynlog=" + entry);
		RuleLines.notRaised(this.captured, "unkeyed-1", "work done");
	}

	private static String addRule(String requestId) throws Exception {
		HttpResponse<String> response = app.post("/actuator/dynlog", RULE_BY_ID.formatted(requestId));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode rules = json(response).get("requestRules");
		return rules.get(rules.size() - 1).get("id").stringValue();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class App {

		private static final Logger log = LoggerFactory.getLogger("com.example.rules.Api");

		private final AsyncTaskExecutor executor;

		App(@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
			this.executor = executor;
		}

		@GetMapping("/work")
		String work() {
			log.debug("work details");
			log.info("work done");
			return "ok";
		}

		@GetMapping("/async")
		Callable<String> async() {
			return () -> {
				log.debug("async details");
				return "ok";
			};
		}

		@GetMapping("/task")
		String task() throws Exception {
			return this.executor.submit(() -> {
				log.debug("task details");
				return "ok";
			}).get();
		}

	}

}
