package io.github.dynamologging.runtime;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The same endpoint on WebFlux (Reactor Netty), as the sample app runs with the reactive web type. */
class ReactiveDynlogEndpointIntegrationTest {

	@Test
	void changeRefusalAndResetOnNetty() throws Exception {
		try (RunningApp app = RunningApp.start(new Class<?>[] { DynlogEndpointIntegrationTest.App.class },
				"spring.main.web-application-type=reactive", "management.endpoints.web.exposure.include=dynlog,loggers",
				"dynamo.logging.dynlog.max-ttl=0")) {
			HttpResponse<String> change = app.post("/actuator/dynlog",
					"{\"filter\":\"com.example.reactive=debug\",\"ttl\":\"permanent\",\"reason\":\"netty\"}");
			assertThat(change.statusCode()).isEqualTo(200);
			JsonNode override = json(change).get("overrides").get(0);
			assertThat(override.get("target").stringValue()).isEqualTo("com.example.reactive");
			assertThat(override.has("expiresAt")).isTrue();
			assertThat(override.get("expiresAt").isNull()).as("permanent").isTrue();
			assertThat(json(app.get("/actuator/loggers/com.example.reactive")).get("configuredLevel").stringValue())
				.isEqualTo("DEBUG");

			assertThat(json(change).get("warnings").isEmpty()).isTrue();
			HttpResponse<String> lookalike = app.post("/actuator/dynlog", "{\"filter\":\"com.example.reactive=debug,eror\"}");
			assertThat(lookalike.statusCode()).isEqualTo(200);
			assertThat(json(lookalike).get("warnings").get(0).stringValue()).startsWith("'eror' is not a level, so it "
					+ "sets the logger 'eror' to trace; did you mean the level 'error'?");

			HttpResponse<String> refused = app.post("/actuator/dynlog", "{\"filter\":\"com.example=\"}");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(json(refused).get("message").stringValue()).startsWith("Invalid directive 'com.example=': "
					+ "the level after '=' is empty");

			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example.reactive")).isNull();
			assertThat(app.auditLines()).extracting((line) -> line.get("action")).containsExactly("apply", "apply", "reset");
		}
	}

}
