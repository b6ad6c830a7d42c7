package io.github.dynamologging.rules;

import java.net.http.HttpResponse;

import io.github.dynamologging.request.CapturedLines;
import io.github.dynamologging.runtime.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dynamologging.request.CapturedLines.text;
import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-request rules on Reactor Netty: the decision follows the request across a thread hop, and goes with
 * its WebClient call as the signed baggage entry (the service calls itself, on a path the rule does not
 * match, so only the entry can raise that call).
 */
class ReactiveRequestRulesIntegrationTest {

	private static RunningApp app;

	@RegisterExtension
	final CapturedLines captured = new CapturedLines();

	@BeforeAll
	static void start() {
		app = RunningApp.start(new Class<?>[] { App.class }, "spring.main.web-application-type=reactive",
				"management.endpoints.web.exposure.include=dynlog",
				"dynamo.logging.request-rules.key=u8Hq3ZrT1vW6yX0bN5mK2pL9sD4fG7jC");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void matchingRequestIsRaisedAcrossThreadsAndInTheCallItMakes() throws Exception {
		HttpResponse<String> added = app.post("/actuator/dynlog", "{\"match\": {\"path\": \"/front\", \"header\": "
				+ "\"X-Request-Id\", \"equals\": \"flux-1\"}, \"filter\": \"com.example.rules=debug\"}");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
		String rule = json(added).get("requestRules").get(0).get("id").stringValue();

		assertThat(app.get("/front", "X-Request-Id", "flux-1").body()).isEqualTo("back says ok");
		assertThat(app.get("/front", "X-Request-Id", "flux-2").body()).isEqualTo("back says ok");

		JsonNode before = RuleLines.raised(this.captured, "before the hop", "flux-1", rule);
		JsonNode after = RuleLines.raised(this.captured, "after the hop", "flux-1", rule);
		assertThat(text(after, "thread.name")).isNotEqualTo(text(before, "thread.name"));
		RuleLines.raised(this.captured, "back details", "flux-1", rule);
		RuleLines.notRaised(this.captured, "flux-2", "back done");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class App {

		private static final Logger log = LoggerFactory.getLogger("com.example.rules.Api");

		private final WebClient client;

		private final Environment environment;

		App(WebClient.Builder builder, Environment environment) {
			this.client = builder.build();
			this.environment = environment;
		}

		@GetMapping("/front")
		Mono<String> front() {
			log.debug("before the hop");
			return Mono.just("hop")
				.publishOn(Schedulers.boundedElastic())
				.doOnNext((hop) -> log.debug("after the hop"))
				.flatMap((hop) -> this.client.get()
					.uri("http://127.0.0.1:" + this.environment.getProperty("local.server.port") + "/back")
					.retrieve()
					.bodyToMono(String.class))
				.map((body) -> "back says " + body);
		}

		@GetMapping("/back")
		Mono<String> back() {
			log.debug("back details");
			log.info("back done");
			return Mono.just("ok");
		}

	}

}
