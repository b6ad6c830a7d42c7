package io.github.dynamologging.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.dynamologging.capture.CapturedLogLines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The runbook of docs/runtime-control.md against the packaged app: one request's DEBUG lines, no other's. */
class SampleAppRequestRulesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void ruleRaisesTheRequestWithTheGivenIdOnly() throws Exception {
		CapturedLogLines lines;
		String rule;
		try (SampleAppProcess app = SampleAppProcess.start(Map.of("DYN_LOGGING_JSONL", "1")).awaitStarted()) {
			HttpResponse<String> added = app.postJson("/actuator/dynlog", "{\"match\": {\"header\": \"X-Request-Id\", "
					+ "\"equals\": \"req-42\"}, \"filter\": \"io.github.dynamologging.sample=debug\", \"ttl\": \"PT10M\", "
					+ "\"reason\": \"runbook\"}");
			assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
			rule = JSON.readTree(added.body()).get("requestRules").get(0).get("id").asString();
			assertThat(app.get("/hello?name=bob", "X-Request-Id", "req-42").body()).isEqualTo("hello bob");
			assertThat(app.get("/hello?name=eve", "X-Request-Id", "req-43").body()).isEqualTo("hello eve");
			app.awaitStderr((line) -> line.contains("hello eve"), Duration.ofSeconds(10));
			app.stop();
			lines = CapturedLogLines.parse(app.stderrBytes()).assertAllValid();
		}
		// One DEBUG line: the raised request's; the other request stays at INFO.
		JsonNode details = lines.withMessage("hello details");
		assertThat(details.get("level").asString()).isEqualTo("DEBUG");
		assertThat(details.get("length").asInt()).isEqualTo(3);
		assertThat(details.get("x_request_id").asString()).isEqualTo("req-42");
		assertThat(details.get("dynlog_rule").asString()).isEqualTo(rule);
		JsonNode audit = lines.withMessage("Request rule added");
		assertThat(audit.get("rule").asString()).isEqualTo(rule);
	}

}
