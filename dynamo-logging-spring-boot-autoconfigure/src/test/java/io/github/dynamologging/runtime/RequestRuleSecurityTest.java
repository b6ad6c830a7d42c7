package io.github.dynamologging.runtime;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-request rules with Spring Security on the classpath (tag "security"): adding and removing one needs
 * an authenticated user, as every other write does, and the audit line names them.
 */
@Tag("security")
class RequestRuleSecurityTest {

	private static final String[] PROPERTIES = { "management.endpoints.web.exposure.include=dynlog",
			"spring.security.user.name=alice", "spring.security.user.password=secret" };

	private static final String RULE = "{\"match\": {\"sample\": 0.5}, \"filter\": \"com.example=debug\"}";

	@Test
	void anonymousUserCannotAddOrRemoveRulesEvenThroughAnOpenChain() throws Exception {
		try (RunningApp app = RunningApp.start(
				new Class<?>[] { DynlogEndpointSecurityTest.App.class, DynlogEndpointSecurityTest.OpenActuator.class },
				PROPERTIES)) {
			HttpResponse<String> added = app.post("/actuator/dynlog", RULE);
			assertThat(added.statusCode()).isEqualTo(403);
			assertThat(json(app.get("/actuator/dynlog")).get("requestRules")).isEmpty();
			assertThat(app.delete("/actuator/dynlog/abcd1234").statusCode()).isEqualTo(403);
			assertThat(app.auditLines()).isEmpty();
		}
	}

	@Test
	void authenticatedUserAddsAndRemovesARuleAndIsNamedInTheAuditLines() throws Exception {
		try (RunningApp app = RunningApp.start(
				new Class<?>[] { DynlogEndpointSecurityTest.App.class, DynlogEndpointSecurityTest.BasicAuthActuator.class },
				PROPERTIES)) {
			assertThat(app.post("/actuator/dynlog", RULE).statusCode()).isEqualTo(401);
			HttpResponse<String> added = app.as("alice", "secret").post("/actuator/dynlog", RULE);
			assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
			JsonNode rule = json(added).get("requestRules").get(0);
			assertThat(app.delete("/actuator/dynlog/" + rule.get("id").stringValue()).statusCode()).isEqualTo(200);
			assertThat(app.auditLines()).extracting((line) -> line.get("action")).containsExactly("rule_add", "rule_remove");
			assertThat(app.auditLines()).allSatisfy((line) -> assertThat(line).containsEntry("principal", "alice"));
		}
	}

}
