package io.github.dynamologging.runtime;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.dynamologging.testing.SecurityUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
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
 * The body check runs after Spring Security (run by the surefire execution for the "security" tag): an
 * unauthenticated request with a bad body gets 401 like any other and learns nothing about the body; an
 * authenticated one gets the 400 with its message. Servlet and WebFlux, on the application's port and on a
 * management port of its own.
 */
@Tag("security")
class DynlogBodySecurityTest {

	private static final String[] BAD_BODIES = { "{\"filter\":5}", "{\"filter\":true}", "[\"debug\"]", "filter=debug",
			"{\"filter\":\"" + "x".repeat(65 * 1024) + "\"}" };

	@ParameterizedTest(name = "{0} management port apart: {1}")
	@CsvSource({ "servlet,false", "servlet,true", "reactive,false", "reactive,true" })
	void unauthenticatedBadBodiesGet401AndAuthenticatedOnesTheMessage(String stack, boolean managementPort)
			throws Exception {
		List<String> properties = new ArrayList<>(List.of("spring.main.web-application-type=" + stack,
				"management.endpoints.web.exposure.include=dynlog"));
		if (managementPort) {
			properties.addAll(List.of("management.server.port=0", DynlogBodyCheckIntegrationTest.NETTY_MANAGEMENT_SERVER));
		}
		Class<?> chain = stack.equals("reactive") ? ReactiveChain.class : ServletChain.class;
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class, chain }, properties.toArray(String[]::new))) {
			if (managementPort) {
				app.onManagementPort();
			}
			for (String body : BAD_BODIES) {
				HttpResponse<String> anonymous = app.anonymous().post("/actuator/dynlog", body);
				assertThat(anonymous.statusCode()).as(body).isEqualTo(401);
				assertThat(anonymous.body()).as(body).doesNotContain("must be", "larger than");
				assertThat(app.as("alice", "wrong").post("/actuator/dynlog", body).statusCode()).as(body).isEqualTo(401);
				assertThat(app.as("bob", "secret").post("/actuator/dynlog", body).statusCode()).as(body).isEqualTo(403);
			}
			HttpResponse<String> refused = app.as("alice", "secret").post("/actuator/dynlog", "{\"filter\":5}");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(json(refused).get("message").stringValue())
				.isEqualTo("filter must be a JSON string, but is a number: 5");
			assertThat(app.as("alice", "secret").post("/actuator/dynlog", BAD_BODIES[4]).statusCode()).isEqualTo(413);
			assertThat(RunningApp.configuredLevel("true")).isNull();
			assertThat(app.auditLines()).isEmpty();

			HttpResponse<String> change = app.post("/actuator/dynlog",
					"{\"filter\":\"com.example.guarded=debug\",\"reason\":\"INC-3\"}");
			assertThat(change.statusCode()).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example.guarded")).isEqualTo("DEBUG");
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
			assertThat(app.auditLines()).hasSize(2)
				.allSatisfy((line) -> assertThat(line).containsEntry("principal", "alice"));
		}
	}

	/** A careless chain that permits everything: an anonymous bad body gets the endpoint's 403, not the 400. */
	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void anonymousBadBodiesGetTheEndpoints403WhenTheChainLetsThemThrough(String stack) throws Exception {
		Class<?> chain = stack.equals("reactive") ? OpenReactiveChain.class : OpenServletChain.class;
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class, chain },
				"spring.main.web-application-type=" + stack, "management.endpoints.web.exposure.include=dynlog")) {
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(200);
			for (String body : BAD_BODIES) {
				HttpResponse<String> answer = app.post("/actuator/dynlog", body);
				assertThat(answer.statusCode()).as(body).isEqualTo(403);
				assertThat(json(answer).get("message").stringValue()).as(body)
					.isEqualTo(DynlogEndpoint.NOT_AUTHENTICATED);
			}
			assertThat(RunningApp.configuredLevel("true")).isNull();
			assertThat(app.auditLines()).isEmpty();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	/** Actuator writes for the role OPS, over HTTP basic. */
	static class ServletChain {

		@Bean
		SecurityFilterChain actuatorChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("OPS"))
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
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().hasRole("OPS"))
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return SecurityUsers.reactive();
		}

	}

	static class OpenServletChain {

		@Bean
		SecurityFilterChain openChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

	}

	static class OpenReactiveChain {

		@Bean
		SecurityWebFilterChain openChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

	}

}
