package io.github.dynamologging.rules;

import java.net.http.HttpResponse;
import java.time.Clock;

import io.github.dynamologging.filter.LogFilter;
import io.github.dynamologging.request.CapturedLines;
import io.github.dynamologging.runtime.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import static io.github.dynamologging.request.CapturedLines.text;
import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two services sharing a key, each a Spring context on a random port: a rule added to the front service
 * raises the same request in the back service it calls (through RestClient and RestTemplate), through the
 * signed baggage entry; a forged entry
 * raises nothing and is counted.
 */
class CrossServiceRulesIntegrationTest {

	private static final String KEY = "dynamo.logging.request-rules.key=k7V2mQ9xR4tL8wN1pS6yB3cF0hJ5dG2a";

	private static RunningApp back;

	private static RunningApp front;

	@RegisterExtension
	final CapturedLines captured = new CapturedLines();

	@BeforeAll
	static void start() {
		back = RunningApp.start(new Class<?>[] { App.class }, KEY,
				"management.endpoints.web.exposure.include=dynlog,metrics");
		front = RunningApp.start(new Class<?>[] { App.class }, KEY, "management.endpoints.web.exposure.include=dynlog",
				"back.url=http://127.0.0.1:" + back.port());
	}

	@AfterAll
	static void stop() {
		front.close();
		back.close();
	}

	@Test
	void ruleOfTheFrontServiceRaisesTheSameRequestInTheServiceItCalls() throws Exception {
		assertThat(json(back.get("/actuator/dynlog")).get("requestRules")).isEmpty();
		ruleTravelsThrough("/front", "traced-1", "untraced-1");
	}

	/** The same through a RestTemplate built by Boot's builder (its customizer adds the baggage entry). */
	@Test
	void ruleTravelsThroughRestTemplateToo() throws Exception {
		ruleTravelsThrough("/front-template", "traced-2", "untraced-2");
	}

	/**
	 * A rule on the front service for {@code traced} raises that request's DEBUG lines in both services when
	 * {@code frontPath} calls the back service, and nothing for {@code untraced}; the back service accepts one
	 * baggage entry.
	 */
	private void ruleTravelsThrough(String frontPath, String traced, String untraced) throws Exception {
		double acceptedBefore = acceptedEntries();
		HttpResponse<String> added = front.post("/actuator/dynlog", ServletRequestRulesIntegrationTest.RULE_BY_ID
			.formatted(traced));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		String rule = ruleFor(json(added), traced);

		assertThat(front.get(frontPath, "X-Request-Id", traced).body()).isEqualTo("back says ok");
		assertThat(front.get(frontPath, "X-Request-Id", untraced).body()).isEqualTo("back says ok");

		JsonNode frontLine = RuleLines.raised(this.captured, "front details", traced, rule);
		JsonNode backLine = RuleLines.raised(this.captured, "back details", traced, rule);
		assertThat(text(backLine, "trace_id")).isEqualTo(text(frontLine, "trace_id"));
		RuleLines.notRaised(this.captured, untraced, "back done");
		assertThat(acceptedEntries()).isEqualTo(acceptedBefore + 1.0);
	}

	private static String ruleFor(JsonNode answer, String requestId) {
		for (JsonNode rule : answer.get("requestRules")) {
			if (rule.get("match").get("equals").stringValue().equals(requestId)) {
				return rule.get("id").stringValue();
			}
		}
		throw new AssertionError("no rule for " + requestId + " in " + answer);
	}

	@Test
	void forgedEntryRaisesNothingAndIsCounted() throws Exception {
		RuleBaggage forger = new RuleBaggage("not the key the services share, 32+", Clock.systemUTC(),
				BaggageEntryCounts.uncounted());
		String forged = forger.sign("abcd1234", LogFilter.parseStrict("debug"), null);
		HttpResponse<String> response = back.get("/back", "X-Request-Id", "forged-1", "baggage", "dynlog=" + forged);
		assertThat(response.statusCode()).isEqualTo(200);
		RuleLines.notRaised(this.captured, "forged-1", "back done");
		JsonNode counted = json(back.get("/actuator/metrics/" + BaggageEntryCounts.METER + "?tag=reason:bad_signature"));
		assertThat(counted.get("measurements").get(0).get("value").doubleValue()).isEqualTo(1.0);
	}

	/** Entries the back service accepted so far (none yet: the meter is not there). */
	private double acceptedEntries() throws Exception {
		HttpResponse<String> response = back.get("/actuator/metrics/" + BaggageEntryCounts.METER + "?tag=reason:accepted");
		if (response.statusCode() == 404) {
			return 0;
		}
		return json(response).get("measurements").get(0).get("value").doubleValue();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class App {

		private static final Logger log = LoggerFactory.getLogger("com.example.rules.Api");

		private final RestClient client;

		private final RestTemplate template;

		App(RestClient.Builder builder, RestTemplateBuilder templates, @Value("${back.url:}") String backUrl) {
			this.client = builder.baseUrl(backUrl).build();
			this.template = templates.rootUri(backUrl).build();
		}

		@GetMapping("/front")
		String front() {
			log.debug("front details");
			return "back says " + this.client.get().uri("/back").retrieve().body(String.class);
		}

		@GetMapping("/front-template")
		String frontTemplate() {
			log.debug("front details");
			return "back says " + this.template.getForObject("/back", String.class);
		}

		@GetMapping("/back")
		String back() {
			log.debug("back details");
			log.info("back done");
			return "ok";
		}

	}

}
