package io.github.dynamologging.runtime;

import java.net.http.HttpResponse;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through Boot's own {@code /actuator/loggers} on real servers, Servlet (Tomcat) and WebFlux (Reactor
 * Netty): audited like {@code dynlog} changes, and unable to silence the root or the audit logger.
 */
class LoggersEndpointAuditIntegrationTest {

	private static RunningApp start(String stack) {
		return RunningApp.start(new Class<?>[] { DynlogEndpointIntegrationTest.App.class },
				"spring.main.web-application-type=" + stack, "management.endpoints.web.exposure.include=dynlog,loggers");
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void writeIsAppliedByBootAndAuditedWithTheOldAndNewFilter(String stack) throws Exception {
		try (RunningApp app = start(stack)) {
			String before = json(app.get("/actuator/dynlog")).get("filter").stringValue();
			HttpResponse<String> write = app.post("/actuator/loggers/com.example.audited", "{\"configuredLevel\":\"DEBUG\"}");
			assertThat(write.statusCode()).isEqualTo(204);
			assertThat(json(app.get("/actuator/loggers/com.example.audited")).get("configuredLevel").stringValue())
				.isEqualTo("DEBUG");
			assertThat(app.auditLines()).singleElement().satisfies((line) -> {
				assertThat(line).containsEntry("action", "loggers")
					.containsEntry("logger", "com.example.audited")
					.containsEntry("configured_level", "DEBUG")
					.containsEntry("old_filter", before)
					.doesNotContainKey("principal");
				assertThat((String) line.get("new_filter")).contains("com.example.audited=debug");
			});

			// Boot's own reads and groups still work; a group write is audited under the group's name.
			assertThat(json(app.get("/actuator/loggers")).get("levels").isArray()).isTrue();
			assertThat(app.post("/actuator/loggers/sql", "{\"configuredLevel\":\"TRACE\"}").statusCode()).isEqualTo(204);
			assertThat(RunningApp.configuredLevel("org.hibernate.SQL")).isEqualTo("TRACE");
			assertThat(app.auditLines().get(1)).containsEntry("logger", "sql").containsEntry("configured_level", "TRACE");
			// Removing a level of its own is a write too.
			assertThat(app.post("/actuator/loggers/com.example.audited", "{}").statusCode()).isEqualTo(204);
			assertThat(RunningApp.configuredLevel("com.example.audited")).isNull();
			assertThat(app.auditLines().get(2)).containsEntry("configured_level", "null");
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void writesThatWouldSilenceTheRootOrTheAuditLoggerAreRefusedWith400(String stack) throws Exception {
		Map<String, String> refused = Map.of(
				"/actuator/loggers/dynamo.logging.audit|OFF",
				"configuredLevel OFF for logger 'dynamo.logging.audit' is refused: it would silence the audit logger "
						+ "dynamo.logging.audit, which records every change at INFO; its level can be INFO, DEBUG or TRACE",
				"/actuator/loggers/dynamo.logging.audit|WARN",
				"configuredLevel WARN for logger 'dynamo.logging.audit' is refused: it would silence the audit logger "
						+ "dynamo.logging.audit, which records every change at INFO; its level can be INFO, DEBUG or TRACE",
				"/actuator/loggers/ROOT|OFF",
				"configuredLevel OFF for logger 'ROOT' is refused: the root level cannot be set to OFF at runtime "
						+ "(every log line, errors included, would be lost); use ERROR to keep only errors",
				"/actuator/loggers/root|OFF", "configuredLevel OFF for logger 'root' is refused: the root level cannot");
		try (RunningApp app = start(stack)) {
			for (Map.Entry<String, String> attempt : refused.entrySet()) {
				String[] pathAndLevel = attempt.getKey().split("\\|");
				HttpResponse<String> answer = app.post(pathAndLevel[0],
						"{\"configuredLevel\":\"" + pathAndLevel[1] + "\"}");
				assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(400);
				JsonNode error = json(answer);
				assertThat(error.get("status").asInt()).isEqualTo(400);
				assertThat(error.get("message").stringValue()).as(attempt.getKey()).startsWith(attempt.getValue());
			}
			assertThat(RunningApp.configuredLevel(LevelController.AUDIT_LOGGER)).isEqualTo("INFO");
			assertThat(RunningApp.configuredLevel("ROOT")).isEqualTo("INFO");
			assertThat(app.auditLines()).isEmpty();

			// The report's attack: with the root at WARN, removing the audit logger's own level would silence it.
			assertThat(app.post("/actuator/loggers/ROOT", "{\"configuredLevel\":\"WARN\"}").statusCode()).isEqualTo(204);
			HttpResponse<String> unpin = app.post("/actuator/loggers/dynamo.logging.audit", "{}");
			assertThat(unpin.statusCode()).isEqualTo(400);
			assertThat(json(unpin).get("message").stringValue())
				.startsWith("Removing the level of logger 'dynamo.logging.audit' is refused: it would silence");
			// A parent of the audit logger is harmless while the audit logger has a level of its own.
			assertThat(app.post("/actuator/loggers/dynamo", "{\"configuredLevel\":\"OFF\"}").statusCode()).isEqualTo(204);

			app.clearAuditLines();
			assertThat(app.post("/actuator/dynlog", "{\"filter\":\"com.example=debug\"}").statusCode()).isEqualTo(200);
			assertThat(app.auditLines()).as("dynlog changes are still audited").hasSize(1);
			assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(LevelController.AUDIT_LOGGER)
				.getEffectiveLevel()
				.toString()).isEqualTo("INFO");
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void writesNamingTooLongLoggersAreRefusedBeforeTheLoggerIsCreated(String stack) throws Exception {
		try (RunningApp app = start(stack)) {
			String name = "p000" + ".a".repeat(200);
			HttpResponse<String> answer = app.post("/actuator/loggers/" + name, "{\"configuredLevel\":\"DEBUG\"}");
			assertThat(answer.statusCode()).isEqualTo(400);
			assertThat(json(answer).get("message").stringValue()).isEqualTo("configuredLevel DEBUG for logger '"
					+ name.substring(0, 64) + "…(404 characters)' is refused: the logger name is 404 characters long; "
					+ "at most 256 are allowed (dynamo.logging.dynlog.max-target-length)");
			assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).exists("p000")).isNull();
			assertThat(app.auditLines()).isEmpty();
		}
	}

}
