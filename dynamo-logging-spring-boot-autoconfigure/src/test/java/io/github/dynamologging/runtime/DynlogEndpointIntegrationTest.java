package io.github.dynamologging.runtime;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /actuator/dynlog} on a real Tomcat without Spring Security, next to {@code /actuator/loggers}. */
class DynlogEndpointIntegrationTest {

	private static final String STARTUP_FILTER = "info,com.example=warn,dynamo.logging.audit=info";

	private static RunningApp app;

	@BeforeAll
	static void start() {
		app = RunningApp.start(new Class<?>[] { App.class }, "management.endpoints.web.exposure.include=dynlog,loggers",
				"logging.level.com.example=warn");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@BeforeEach
	void backToTheStart() throws Exception {
		assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
		app.clearAuditLines();
	}

	@Test
	void getDescribesTheLevels() throws Exception {
		HttpResponse<String> response = app.get("/actuator/dynlog");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("filter").stringValue()).startsWith("info,").contains("com.example=warn");
		assertThat(body.get("startupFilter").stringValue()).isEqualTo(body.get("filter").stringValue());
		assertThat(body.get("format").stringValue()).isEqualTo("readable");
		assertThat(body.get("overrides").isArray()).isTrue();
		assertThat(body.get("overrides").isEmpty()).isTrue();
		assertThat(body.has("configSource")).isTrue();
		assertThat(body.get("configSource").isNull()).isTrue();
		assertThat(body.get("configHash").isNull()).isTrue();
	}

	@Test
	void postAppliesTheWholeFilterAndAnswersTheNewState() throws Exception {
		Instant before = Instant.now();
		HttpResponse<String> response = app.post("/actuator/dynlog",
				"{\"filter\":\"warn,com.example.api=trace\",\"ttl\":\"PT15M\",\"reason\":\"incident 42\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("filter").stringValue()).startsWith("warn,").contains("com.example.api=trace");
		JsonNode overrides = body.get("overrides");
		assertThat(overrides).hasSize(2);
		assertThat(overrides.get(0).get("target").stringValue()).isEqualTo("ROOT");
		assertThat(overrides.get(1).get("target").stringValue()).isEqualTo("com.example.api");
		assertThat(overrides.get(1).get("level").stringValue()).isEqualTo("trace");
		assertThat(Instant.parse(overrides.get(1).get("expiresAt").stringValue()))
			.isBetween(before.plus(Duration.ofMinutes(15)), Instant.now().plus(Duration.ofMinutes(15)));

		JsonNode logger = json(app.get("/actuator/loggers/com.example.api"));
		assertThat(logger.get("configuredLevel").stringValue()).isEqualTo("TRACE");
		assertThat(json(app.get("/actuator/loggers/ROOT")).get("configuredLevel").stringValue()).isEqualTo("WARN");

		assertThat(app.auditLines()).singleElement().satisfies((line) -> {
			assertThat(line).containsEntry("action", "apply")
				.containsEntry("ttl", "PT15M")
				.containsEntry("reason", "incident 42")
				.doesNotContainKey("principal");
			assertThat((String) line.get("old_filter")).startsWith("info,");
			assertThat((String) line.get("new_filter")).startsWith("warn,").contains("com.example.api=trace");
		});
	}

	@Test
	void bareWordLikeALevelIsAppliedAsATargetWithAWarningInTheAnswer() throws Exception {
		HttpResponse<String> response = app.post("/actuator/dynlog", "{\"filter\":\"debgu\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("warnings")).singleElement().satisfies((warning) -> assertThat(warning.stringValue())
			.isEqualTo("'debgu' is not a level, so it sets the logger 'debgu' to trace; did you mean the level "
					+ "'debug'? Write debgu=trace to keep the logger and silence this warning"));
		assertThat(body.get("overrides").get(0).get("target").stringValue()).isEqualTo("debgu");
		assertThat(RunningApp.configuredLevel("debgu")).isEqualTo("TRACE");

		JsonNode plain = json(app.post("/actuator/dynlog", "{\"filter\":\"debgu=trace\"}"));
		assertThat(plain.get("warnings").isArray()).isTrue();
		assertThat(plain.get("warnings").isEmpty()).isTrue();
		assertThat(json(app.get("/actuator/dynlog")).has("warnings")).as("only answers to a change have them").isFalse();
	}

	@Test
	void changeRevertsWhenItsTtlPasses() throws Exception {
		app.post("/actuator/dynlog", "{\"filter\":\"com.example.api=debug\",\"ttl\":\"PT1S\"}");
		assertThat(RunningApp.configuredLevel("com.example.api")).isEqualTo("DEBUG");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> json(app.get("/actuator/dynlog")).get("overrides").isEmpty());
		JsonNode logger = json(app.get("/actuator/loggers/com.example.api"));
		assertThat(logger.has("configuredLevel")).as("Boot leaves out a null configuredLevel").isFalse();
		assertThat(logger.get("effectiveLevel").stringValue()).isEqualTo("WARN");
		assertThat(app.auditLines()).extracting((line) -> line.get("action")).containsExactly("apply", "expire");
	}

	@Test
	void changeWithoutTtlGetsTheDefaultTenMinutes() throws Exception {
		JsonNode body = json(app.post("/actuator/dynlog", "{\"filter\":\"com.example.api=debug\"}"));
		Instant expiresAt = Instant.parse(body.get("overrides").get(0).get("expiresAt").stringValue());
		assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(10)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"filter":"warn,com foo=debug"}                   | Invalid directive 'com foo=debug': a target may only contain letters, digits, '.', '_', '$' and '-'
			{"filter":"com.example=loud"}                     | Invalid directive 'com.example=loud': 'loud' is not a level; expected trace, debug, info, warn (or warning), error, off, or a digit 0 (off) to 5 (trace)
			{"filter":"off"}                                  | Invalid directive 'off': the root level cannot be set to off at runtime (every log line, errors included, would be lost); use error to keep only errors
			{"filter":"dynamo.logging.audit=off"}             | Invalid directive 'dynamo.logging.audit=off': it would silence the audit logger dynamo.logging.audit, which records every change at info; its level can be info, debug or trace
			{"filter":"debug","ttl":"PT2H"}                   | ttl 'PT2H' is longer than the maximum PT1H (dynamo.logging.dynlog.max-ttl)
			{"filter":"debug","ttl":"10m"}                    | ttl '10m' is not an ISO-8601 duration; write e.g. PT15M (15 minutes), PT30S or PT1H
			{"filter":"debug","ttl":"permanent"}              | ttl 'permanent' is not allowed: changes expire after at most PT1H (dynamo.logging.dynlog.max-ttl); set max-ttl to 0 to allow permanent changes
			{"ttl":"PT1M"}                                    | filter is empty; a change needs at least one directive such as 'com.example.api=debug' (DELETE goes back to the startup filter)
			""")
	void invalidChangeIsRefusedWith400NamingTheInputAndTheRuleAndChangesNothing(String body, String message)
			throws Exception {
		String before = json(app.get("/actuator/dynlog")).get("filter").stringValue();
		HttpResponse<String> response = app.post("/actuator/dynlog", body);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).contains("json"));
		JsonNode error = json(response);
		assertThat(error.get("status").intValue()).isEqualTo(400);
		assertThat(error.get("message").stringValue()).isEqualTo(message);
		assertThat(json(app.get("/actuator/dynlog")).get("filter").stringValue()).isEqualTo(before);
		assertThat(app.auditLines()).isEmpty();
	}

	@Test
	void bodyThatIsNotJsonIsRefusedWith400() throws Exception {
		assertThat(app.post("/actuator/dynlog", "filter=debug").statusCode()).isEqualTo(400);
		assertThat(app.auditLines()).isEmpty();
	}

	@Test
	void levelsSetThroughTheLoggersEndpointShowInDynlog() throws Exception {
		HttpResponse<String> response = app.post("/actuator/loggers/org.hibernate.SQL",
				"{\"configuredLevel\":\"DEBUG\"}");
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(json(app.get("/actuator/dynlog")).get("filter").stringValue()).contains("org.hibernate.SQL=debug");
	}

	@Test
	void deleteGoesBackToTheStartupFilterAtOnce() throws Exception {
		app.post("/actuator/dynlog", "{\"filter\":\"trace,com.example=debug\",\"ttl\":\"PT10M\"}");
		app.post("/actuator/loggers/org.hibernate.SQL", "{\"configuredLevel\":\"DEBUG\"}");
		HttpResponse<String> response = app.delete("/actuator/dynlog");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("filter").stringValue()).isEqualTo(body.get("startupFilter").stringValue());
		assertThat(body.get("overrides").isEmpty()).isTrue();
		assertThat(RunningApp.configuredLevel("com.example")).isEqualTo("WARN");
		assertThat(RunningApp.configuredLevel("org.hibernate.SQL")).isNull();
		assertThat(app.auditLines()).extracting((line) -> line.get("action")).containsExactly("apply", "loggers", "reset");
	}

	@Test
	void startupFilterIsRootAndEveryConfiguredLogger() throws Exception {
		String startup = json(app.get("/actuator/dynlog")).get("startupFilter").stringValue();
		assertThat(startup).startsWith("info,").contains("com.example=warn", "dynamo.logging.audit=info");
		// The quiet-library defaults are configured levels too.
		assertThat(startup).contains("io.netty=error");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
