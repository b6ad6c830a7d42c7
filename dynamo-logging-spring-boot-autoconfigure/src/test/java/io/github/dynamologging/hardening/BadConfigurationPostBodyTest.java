package io.github.dynamologging.hardening;

import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.runtime.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad {@code POST /actuator/dynlog} bodies (docs/configuration.md): each answers 400 (413 over 64 KiB) with a JSON message naming the input
 * and the rule, and leaves every level as it was (checked through the endpoint, {@code /actuator/loggers}
 * and the Logback context). The per-rule messages of the filter, ttl and reason are tested in
 * {@code runtime}; this corpus adds the body shapes and sizes, on both web stacks.
 */
class BadConfigurationPostBodyTest {

	/**
	 * One application at a time (they would share the JVM's Logback context), started when a case of its
	 * web stack first needs it; the cases come grouped by stack.
	 */
	private static RunningApp app;

	private static String appStack;

	private static String startupFilter;

	private static final String SHAPE = "The body must be a JSON object like {\"filter\": \"warn,com.example.api=trace\", "
			+ "\"ttl\": \"PT10M\", \"reason\": \"...\"}";

	private static RunningApp app(String stack) throws Exception {
		if (!stack.equals(appStack)) {
			stop();
			app = RunningApp.start(new Class<?>[] { App.class }, "spring.main.web-application-type=" + stack,
					"management.endpoints.web.exposure.include=dynlog,loggers", "logging.level.com.example=warn");
			appStack = stack;
			startupFilter = json(app.get("/actuator/dynlog")).get("filter").stringValue();
		}
		// Back to the startup filter, as each case expects.
		assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
		app.clearAuditLines();
		return app;
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
			app = null;
			appStack = null;
		}
	}

	/** Every bad body on Servlet (Tomcat) and on WebFlux (Reactor Netty). */
	static Stream<Arguments> badBodiesOnBothStacks() {
		return Stream.of("servlet", "reactive")
			.flatMap((stack) -> badBodies().map((arguments) -> {
				Object[] values = arguments.get();
				return Arguments.of(stack, values[0], values[1], values[2], values[3]);
			}));
	}

	static Stream<Arguments> badBodies() {
		String hundredAndOne = IntStream.range(0, 101).mapToObj((i) -> "com.example.t" + i + "=debug")
			.collect(Collectors.joining(","));
		String longFilter = "com.example." + "a".repeat(4100) + "=debug";
		return Stream.of(
				Arguments.of("not JSON", "filter=debug", 400, SHAPE + ", but it is not valid JSON at line 1, column 1: "),
				Arguments.of("truncated JSON", "{\"filter\":\"debug\"", 400, SHAPE + ", but it is not valid JSON at line 1, column 18: "),
				Arguments.of("a JSON array", "[\"debug\"]", 400, SHAPE + ", but it is an array"),
				Arguments.of("a JSON string", "\"debug\"", 400, SHAPE + ", but it is a string"),
				Arguments.of("empty body", "", 400, "filter is empty"),
				Arguments.of("filter is a number", "{\"filter\":5}", 400, "filter must be a JSON string, but is a number: 5"),
				Arguments.of("filter is a boolean", "{\"filter\":true}", 400, "filter must be a JSON string, but is a boolean: true"),
				Arguments.of("filter is an array", "{\"filter\":[\"debug\"]}", 400, "filter must be a JSON string, but is an array"),
				Arguments.of("filter is an object", "{\"filter\":{\"com.example\":\"debug\"}}", 400, "filter must be a JSON string, but is an object"),
				Arguments.of("missing filter", "{\"ttl\":\"PT1M\"}", 400, "filter is empty"),
				Arguments.of("null filter", "{\"filter\":null}", 400, "filter is empty"),
				Arguments.of("blank filter", "{\"filter\":\" , ,\"}", 400, "filter is empty"),
				Arguments.of("ttl is a number", "{\"filter\":\"com.example=debug\",\"ttl\":600}", 400, "ttl must be a JSON string, but is a number: 600"),
				Arguments.of("reason is an object", "{\"filter\":\"com.example=debug\",\"reason\":{\"a\":1}}", 400, "reason must be a JSON string, but is an object"),
				Arguments.of("filter given twice", "{\"filter\":\"com.example=info\",\"filter\":\"com.example=debug\"}", 400, SHAPE + ", but it is not valid JSON at line 1, column 38: Duplicate Object property \"filter\""),
				Arguments.of("negative ttl", "{\"filter\":\"com.example=debug\",\"ttl\":\"-PT1M\"}", 400, "ttl '-PT1M' must be positive"),
				Arguments.of("ttl over the maximum", "{\"filter\":\"com.example=debug\",\"ttl\":\"PT1H1S\"}", 400, "ttl 'PT1H1S' is longer than the maximum PT1H"),
				Arguments.of("ttl not ISO-8601", "{\"filter\":\"com.example=debug\",\"ttl\":\"10 minutes\"}", 400, "ttl '10 minutes' is not an ISO-8601 duration"),
				Arguments.of("reason too long", "{\"filter\":\"com.example=debug\",\"reason\":\"" + "r".repeat(513) + "\"}", 400, "reason is 513 characters long; at most 512"),
				Arguments.of("filter over 4 KiB", "{\"filter\":\"" + longFilter + "\"}", 400, "filter is " + longFilter.length() + " bytes long; at most 4096 bytes"),
				Arguments.of("101 directives", "{\"filter\":\"" + hundredAndOne + "\"}", 400, "filter has 101 directives; at most 100"),
				Arguments.of("body over 64 KiB (200 KiB filter)", "{\"filter\":\"" + "x".repeat(200 * 1024) + "\"}", 413, "The body is larger than 65536 bytes"),
				Arguments.of("hostile characters in a target", "{\"filter\":\"com.ex\\u001b[31mample=debug\"}", 400, "Invalid directive 'com.ex\u001b[31mample=debug'"),
				Arguments.of("root off", "{\"filter\":\"com.example=debug,OFF\"}", 400, "Invalid directive 'OFF': the root level cannot be set to off"));
	}

	/**
	 * @param status 400, or 413 for a body over the 64 KiB the check reads
	 * @param messageStart how the message starts
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("badBodiesOnBothStacks")
	void isRefusedWith400NamingTheInputAndTheRuleAndChangesNothing(String stack, String name, String body,
			int status, String messageStart) throws Exception {
		RunningApp app = app(stack);
		HttpResponse<String> response = app.post("/actuator/dynlog", body);
		System.out.printf("[hardening] bad POST body %-8s %-32s -> %d %s%n", stack, name, response.statusCode(),
				response.body().length() > 160 ? response.body().substring(0, 160) + "..." : response.body());
		assertThat(response.statusCode()).isEqualTo(status);
		JsonNode error = json(response);
		assertThat(error.get("status").asInt()).isEqualTo(status);
		assertThat(error.get("error").stringValue()).isEqualTo((status == 400) ? "Bad Request" : "Content Too Large");
		assertThat(error.get("message").stringValue()).startsWith(messageStart);
		assertThat(json(app.get("/actuator/dynlog")).get("filter").stringValue()).isEqualTo(startupFilter);
		assertThat(json(app.get("/actuator/dynlog")).get("overrides").isEmpty()).isTrue();
		assertThat(json(app.get("/actuator/loggers/com.example")).get("configuredLevel").stringValue()).isEqualTo("WARN");
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		assertThat(logback.getLogger("com.example").getLevel()).isEqualTo(Level.WARN);
		assertThat(logback.getLogger("com.example.t0").getLevel()).isNull();
		assertThat(logback.exists("true")).isNull();
		assertThat(app.auditLines()).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
