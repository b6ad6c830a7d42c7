package io.github.dynamologging.runtime;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/dynlog} with Spring Security on the classpath (run by the surefire execution for the
 * "security" tag): writes need an authenticated user, whom the audit line names.
 */
@Tag("security")
class DynlogEndpointSecurityTest {

	private static final String[] PROPERTIES = { "management.endpoints.web.exposure.include=dynlog,loggers",
			"spring.security.user.name=alice", "spring.security.user.password=secret" };

	private static final String CHANGE = "{\"filter\":\"com.example=debug\",\"ttl\":\"PT5M\",\"reason\":\"ticket 7\"}";

	@Test
	void bootsDefaultSecurityRefusesAnonymousReadsAndWrites() throws Exception {
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class }, PROPERTIES)) {
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(401);
			assertThat(app.post("/actuator/dynlog", CHANGE).statusCode()).isIn(401, 403);
			assertThat(app.delete("/actuator/dynlog").statusCode()).isIn(401, 403);
			assertThat(RunningApp.configuredLevel("com.example")).isNull();
			assertThat(app.auditLines()).isEmpty();
			assertThat(app.as("alice", "secret").get("/actuator/dynlog").statusCode()).isEqualTo(200);
		}
	}

	/**
	 * Boot's default chain keeps CSRF protection on. Spring Security's CSRF check runs before HTTP basic
	 * authentication, so the password is never looked at: WebFlux answers 403, and Servlet forwards the 403 to
	 * the error page, which needs a login and answers the still anonymous request 401 with a Basic challenge.
	 * The same happens to Boot's own loggers endpoint without this starter.
	 */
	@ParameterizedTest
	@CsvSource({ "servlet,401", "reactive,403" })
	void bootsDefaultSecurityRefusesAWriteWithTheRightPasswordButNoCsrfToken(String stack, int status) throws Exception {
		String[] properties = Stream.concat(Stream.of(PROPERTIES), Stream.of("spring.main.web-application-type=" + stack))
			.toArray(String[]::new);
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class }, properties)) {
			app.as("alice", "secret");
			assertThat(app.get("/actuator/dynlog").statusCode()).as("the password is right").isEqualTo(200);
			HttpResponse<String> post = app.post("/actuator/dynlog", CHANGE);
			assertThat(post.statusCode()).isEqualTo(status);
			if (status == 401) {
				assertThat(post.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
						(challenge) -> assertThat(challenge).startsWith("Basic"));
			}
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(status);
			assertThat(app.post("/actuator/loggers/com.example", "{\"configuredLevel\":\"DEBUG\"}").statusCode())
				.as("Boot's own endpoint alike").isEqualTo(status);
			assertThat(RunningApp.configuredLevel("com.example")).isNull();
			assertThat(app.auditLines()).isEmpty();
		}
	}

	@Test
	void authenticatedUserChangesLevelsAndIsNamedInTheAuditLine() throws Exception {
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class, BasicAuthActuator.class }, PROPERTIES)) {
			assertThat(app.post("/actuator/dynlog", CHANGE).statusCode()).isEqualTo(401);
			assertThat(app.as("alice", "wrong").post("/actuator/dynlog", CHANGE).statusCode()).isEqualTo(401);
			assertThat(app.auditLines()).isEmpty();

			HttpResponse<String> change = app.as("alice", "secret").post("/actuator/dynlog", CHANGE);
			assertThat(change.statusCode()).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example")).isEqualTo("DEBUG");
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example")).isNull();
			assertThat(app.auditLines()).hasSize(2).allSatisfy((line) -> assertThat(line).containsEntry("principal", "alice"));
			assertThat(app.auditLines().get(0)).containsEntry("reason", "ticket 7").containsEntry("ttl", "PT5M");
		}
	}

	@Test
	void chainThatLetsAnonymousRequestsThroughStillRefusesAnonymousWrites() throws Exception {
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class, OpenActuator.class }, PROPERTIES)) {
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(200);
			HttpResponse<String> change = app.post("/actuator/dynlog", CHANGE);
			assertThat(change.statusCode()).isEqualTo(403);
			JsonNode error = json(change);
			assertThat(error.get("message").stringValue()).isEqualTo("changing log levels needs an authenticated "
					+ "user: Spring Security is present, but this request was not authenticated");
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(403);
			assertThat(RunningApp.configuredLevel("com.example")).isNull();
			assertThat(app.auditLines()).isEmpty();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	/** What an operator would write for actuator: HTTP basic, no CSRF tokens for a non-browser client. */
	static class BasicAuthActuator {

		@Bean
		SecurityFilterChain actuatorChain(HttpSecurity http) {
			return http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

	}

	/** A careless chain: everything open. */
	static class OpenActuator {

		@Bean
		SecurityFilterChain openChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

	}

}
