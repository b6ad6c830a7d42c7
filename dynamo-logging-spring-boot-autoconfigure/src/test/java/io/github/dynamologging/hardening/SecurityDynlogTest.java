package io.github.dynamologging.hardening;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.runtime.RunningApp;
import io.github.dynamologging.testing.SecurityUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Lets nobody in": {@code /actuator/dynlog} with Spring Security, on Servlet (Tomcat) and WebFlux (Reactor
 * Netty) alike. Reads need a user, writes the role an operator's chain asks for; Boot's access rules turn
 * writes off; filters over the limits change nothing; no filter silences the audit logger.
 */
@Tag("security")
class SecurityDynlogTest {

	private static final String AUDIT = "dynamo.logging.audit";

	private static final String CHANGE = "{\"filter\":\"com.example.secured=debug\",\"ttl\":\"PT5M\",\"reason\":\"INC-7\"}";

	private static RunningApp start(String stack, String... more) {
		List<String> properties = new ArrayList<>(List.of("spring.main.web-application-type=" + stack,
				"management.endpoints.web.exposure.include=dynlog,loggers"));
		properties.addAll(List.of(more));
		Class<?> chain = stack.equals("reactive") ? ReactiveChain.class : ServletChain.class;
		return RunningApp.start(new Class<?>[] { App.class, chain }, properties.toArray(String[]::new));
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void anonymousUsersAreRefusedAndUsersWithoutTheRoleMayOnlyRead(String stack) throws Exception {
		try (RunningApp app = start(stack)) {
			assertThat(app.anonymous().get("/actuator/dynlog").statusCode()).isEqualTo(401);
			assertThat(app.post("/actuator/dynlog", CHANGE).statusCode()).isEqualTo(401);
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(401);
			assertThat(app.as("alice", "wrong").post("/actuator/dynlog", CHANGE).statusCode()).isEqualTo(401);

			assertThat(app.as("bob", "secret").get("/actuator/dynlog").statusCode()).isEqualTo(200);
			assertThat(app.post("/actuator/dynlog", CHANGE).statusCode()).isEqualTo(403);
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(403);
			assertThat(RunningApp.configuredLevel("com.example.secured")).isNull();
			assertThat(app.auditLines()).isEmpty();

			HttpResponse<String> change = app.as("alice", "secret").post("/actuator/dynlog", CHANGE);
			assertThat(change.statusCode()).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example.secured")).isEqualTo("DEBUG");
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example.secured")).isNull();
			assertThat(app.auditLines()).hasSize(2)
				.allSatisfy((line) -> assertThat(line).containsEntry("principal", "alice"));
			assertThat(app.auditLines()).extracting((line) -> line.get("action")).containsExactly("apply", "reset");
			System.out.printf("[hardening] security %s: anonymous=401 wrong-password=401 no-role=403 operator=200 audit_lines=%d%n",
					stack, app.auditLines().size());

			// Boot's own loggers endpoint: its writes name the operator too.
			app.clearAuditLines();
			assertThat(app.post("/actuator/loggers/com.example.secured", "{\"configuredLevel\":\"TRACE\"}").statusCode())
				.isEqualTo(204);
			assertThat(app.auditLines()).singleElement()
				.satisfies((line) -> assertThat(line).containsEntry("action", "loggers")
					.containsEntry("logger", "com.example.secured")
					.containsEntry("principal", "alice"));
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void readOnlyAccessRefusesWritesEvenToTheOperator(String stack) throws Exception {
		try (RunningApp app = start(stack, "management.endpoint.dynlog.access=read-only")) {
			app.as("alice", "secret");
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(200);
			assertThat(app.post("/actuator/dynlog", CHANGE).statusCode()).isEqualTo(405);
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(405);
			assertThat(RunningApp.configuredLevel("com.example.secured")).isNull();
			assertThat(app.auditLines()).isEmpty();
		}
		try (RunningApp app = start(stack, "management.endpoint.dynlog.access=none")) {
			app.as("alice", "secret");
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(404);
			assertThat(app.post("/actuator/dynlog", CHANGE).statusCode()).isEqualTo(404);
			assertThat(RunningApp.configuredLevel("com.example.secured")).isNull();
			assertThat(app.auditLines()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void filtersOverTheLimitsAreRefusedAndChangeNothing(String stack) throws Exception {
		try (RunningApp app = start(stack)) {
			app.as("alice", "secret");
			String before = json(app.get("/actuator/dynlog")).get("filter").stringValue();
			String longTarget = "com.example." + "a".repeat(4096);
			String hundredAndOne = IntStream.range(0, 101).mapToObj((i) -> "com.example.t" + i + "=debug")
				.collect(Collectors.joining(","));
			Map<String, String> cases = Map.of(
					"{\"filter\":\"" + longTarget + "=debug\"}",
					"filter is " + (longTarget.length() + "=debug".length()) + " bytes long; at most 4096 bytes are allowed",
					"{\"filter\":\"" + hundredAndOne + "\"}", "filter has 101 directives; at most 100 are allowed");
			for (Map.Entry<String, String> refused : cases.entrySet()) {
				HttpResponse<String> answer = app.post("/actuator/dynlog", refused.getKey());
				assertThat(answer.statusCode()).isEqualTo(400);
				JsonNode error = json(answer);
				assertThat(error.get("status").asInt()).isEqualTo(400);
				assertThat(error.get("message").stringValue()).isEqualTo(refused.getValue());
			}
			assertThat(json(app.get("/actuator/dynlog")).get("filter").stringValue()).isEqualTo(before);
			assertThat(RunningApp.configuredLevel("com.example.t0")).isNull();
			assertThat(json(app.get("/actuator/loggers/ROOT")).get("configuredLevel").stringValue()).isEqualTo("INFO");
			assertThat(app.auditLines()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void noFilterSilencesTheAuditLogger(String stack) throws Exception {
		List<String> attempts = List.of("dynamo.logging.audit=off", "dynamo.logging.audit=warn",
				"dynamo.logging.audit=error", "dynamo.logging.audit=0", "dynamo.logging.audit=1",
				"dynamo.logging.audit:off", " dynamo.logging.audit = OFF ", "\tdynamo.logging.audit\t:\tOff",
				"dynamo.logging=off", "dynamo=off", "dynamo.logging=error", "warn", "error", "1", "root=error",
				"DYNAMO.LOGGING.AUDIT=off", "Dynamo=off", "dynamo.logging.audit.child=off",
				"info,dynamo.logging.audit=off", "dynamo.logging.audit=off,dynamo.logging.audit=info",
				"dynamo.logging.audit=info,dynamo.logging.audit=off", "off");
		List<String> refused = new ArrayList<>();
		int accepted = 0;
		try (RunningApp app = start(stack)) {
			app.as("alice", "secret");
			for (String filter : attempts) {
				app.clearAuditLines();
				HttpResponse<String> answer = app.post("/actuator/dynlog",
						"{\"filter\":" + RunningApp.JSON.writeValueAsString(filter) + ",\"reason\":\"silence attempt\"}");
				assertThat(auditEffectiveLevel()).as("audit level after %s", filter).isLessThanOrEqualTo(Level.INFO_INT);
				if (answer.statusCode() == 200) {
					accepted++;
					assertThat(app.auditLines()).as("audit line of %s", filter)
						.singleElement()
						.satisfies((line) -> assertThat(line).containsEntry("principal", "alice")
							.containsEntry("reason", "silence attempt"));
				}
				else {
					refused.add(filter.strip());
					assertThat(answer.statusCode()).as("answer to %s", filter).isEqualTo(400);
					String message = json(answer).get("message").stringValue();
					assertThat(message).as("message for %s", filter).startsWith("Invalid directive '");
					assertThat(app.auditLines()).isEmpty();
				}
				assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
				assertThat(auditEffectiveLevel()).isLessThanOrEqualTo(Level.INFO_INT);
			}
		}
		assertThat(refused).contains("dynamo.logging.audit=off", "dynamo.logging.audit:off", "off");
		System.out.printf("[hardening] security %s audit silencing: attempts=%d refused=%d accepted_harmless=%d audit_effective<=INFO always; refused=%s%n",
				stack, attempts.size(), refused.size(), accepted, refused);
	}

	private static int auditEffectiveLevel() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(AUDIT).getEffectiveLevel().toInt();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	/** An operator's chain: any user reads {@code dynlog}, only the OPS role changes levels. */
	static class ServletChain {

		@Bean
		SecurityFilterChain actuatorChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/actuator/**")
					.authenticated()
					.requestMatchers("/actuator/**")
					.hasRole("OPS")
					.anyRequest()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return SecurityUsers.servlet();
		}

	}

	/** The same chain for WebFlux. */
	static class ReactiveChain {

		@Bean
		SecurityWebFilterChain actuatorChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.GET, "/actuator/**")
					.authenticated()
					.pathMatchers("/actuator/**")
					.hasRole("OPS")
					.anyExchange()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return SecurityUsers.reactive();
		}

	}

}
