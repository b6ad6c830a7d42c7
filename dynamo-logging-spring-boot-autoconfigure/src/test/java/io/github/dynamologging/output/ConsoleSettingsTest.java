package io.github.dynamologging.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.dynamologging.export.DynamoEnvironment;
import io.github.dynamologging.testing.CapturedStderr;
import io.github.dynamologging.testing.JsonLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's console settings and an application's own Logback configuration next to the starter's, in
 * real applications: each combination either works or says at start, in one line, which setting applies
 * and why; {@code GET /actuator/dynlog} reports the format that is really in charge.
 */
class ConsoleSettingsTest {

	private static final String TARGET = "output.console.settings";

	private static final String KEEPS_ECS = "The console keeps Spring Boot's format: logging.structured.format.console=ecs is set; dynamo.logging.format=jsonl or readable (or DYN_LOGGING_JSONL=1) would write Dynamo's lines";

	private final PrintStream originalOut = System.out;

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	@RegisterExtension
	final CapturedStderr captured = new CapturedStderr();

	@BeforeEach
	void captureStdout() {
		System.setOut(new PrintStream(this.stdout, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreStdout() {
		System.setOut(this.originalOut);
	}

	private ConfigurableApplicationContext start(StandardEnvironment environment, String... properties) {
		List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
		if (Arrays.stream(properties).noneMatch((property) -> property.startsWith("server.port="))) {
			args.add("--spring.main.web-application-type=none");
		}
		Arrays.stream(properties).map((property) -> "--" + property).forEach(args::add);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(App.class);
		if (environment != null) {
			builder.environment(environment);
		}
		ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
		LoggerFactory.getLogger(TARGET).info("hello");
		return context;
	}

	private ConfigurableApplicationContext start(String... properties) {
		return start(null, properties);
	}

	/** The lines of a stream that are JSON objects, parsed (Boot's own lines or the starter's). */
	private static List<JsonNode> jsonLines(String text) {
		return text.lines().filter((line) -> line.startsWith("{")).map(JsonLines.STRICT::readTree).toList();
	}

	private List<String> stderrMessages(String level) {
		return jsonLines(this.captured.lines().text()).stream()
			.filter((line) -> level.equals(line.get("level").stringValue()))
			.map((line) -> line.get("message").stringValue())
			.toList();
	}

	private static String dynlogFormat(ConfigurableApplicationContext context) throws IOException, InterruptedException {
		String port = context.getEnvironment().getRequiredProperty("local.server.port");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/dynlog")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonLines.STRICT.readTree(response.body()).get("format").stringValue();
	}

	@Test
	void bootsEcsConsoleSetByTheUserIsKeptAndSaidOnce() {
		try (ConfigurableApplicationContext context = start("logging.structured.format.console=ecs")) {
			List<JsonNode> ecs = jsonLines(this.stdout.toString(StandardCharsets.UTF_8));
			assertThat(ecs).filteredOn((line) -> KEEPS_ECS.equals(line.path("message").stringValue())).hasSize(1);
			assertThat(ecs).anySatisfy((line) -> {
				assertThat(line.get("log").get("logger").stringValue()).isEqualTo(TARGET);
				assertThat(line.has("@timestamp")).isTrue();
			});
			assertThat(this.captured.lines().text()).doesNotContain(TARGET);
			assertThat(ConsoleFormats.inCharge()).isEqualTo(ConsoleFormats.OTHER);
		}
	}

	@Test
	void anExplicitDynamoFormatWinsOverBootsEcsAndSaysSoOnce() {
		try (ConfigurableApplicationContext context = start("logging.structured.format.console=ecs",
				"dynamo.logging.format=jsonl")) {
			assertThat(stderrMessages("WARN")).containsOnlyOnce(
					"dynamo.logging.format=jsonl applies to the console; logging.structured.format.console=ecs is not used");
			assertThat(this.captured.lines().jsonLines()).anyMatch((line) -> TARGET.equals(line.get("target").stringValue()));
			assertThat(ConsoleFormats.inCharge()).isEqualTo("jsonl");
		}
	}

	@Test
	void bootsConsolePatternSetByTheUserIsKeptAndSaidOnce() {
		try (ConfigurableApplicationContext context = start("logging.pattern.console=PAT %level %msg%n")) {
			List<String> lines = this.stdout.toString(StandardCharsets.UTF_8).lines().toList();
			assertThat(lines).containsOnlyOnce("PAT INFO The console keeps Spring Boot's format: logging.pattern.console=PAT %level %msg%n is set; dynamo.logging.format=jsonl or readable (or DYN_LOGGING_JSONL=1) would write Dynamo's lines")
				.contains("PAT INFO hello");
		}
	}

	@Test
	void aUserConfigurationsConsoleAppenderIsReplacedAndSaidOnce() {
		try (ConfigurableApplicationContext context = start("logging.config=classpath:output/logback-console.xml",
				"dynamo.logging.format=jsonl")) {
			assertThat(stderrMessages("INFO")).containsOnlyOnce(
					"The appender CONSOLE of classpath:output/logback-console.xml is replaced by the starter's console; give it another name to keep it");
			assertThat(jsonLines(this.captured.lines().text())).anyMatch((line) -> TARGET.equals(line.get("target").stringValue()));
			assertThat(this.captured.lines().text()).doesNotContain("MINE INFO " + TARGET);
		}
	}

	@Test
	void theStartersEncoderInAUserConfigurationIsDrivenByTheDynVariables() throws Exception {
		DynamoEnvironment variables = new DynamoEnvironment();
		variables.variables.put("DYN_LOGGING_JSONL", "1");
		StandardEnvironment environment = new StandardEnvironment();
		variables.replaceSources(environment);
		try (ConfigurableApplicationContext context = start(environment,
				"logging.config=classpath:output/logback-dynamo-encoder.xml", "server.port=0",
				"management.endpoints.web.exposure.include=dynlog")) {
			// Every line on stderr is the user's appender's JSONL line; none says a setting is not used.
			List<JsonNode> lines = this.captured.lines().jsonLines();
			JsonNode hello = lines.stream()
				.filter((line) -> TARGET.equals(line.get("target").stringValue()))
				.findFirst()
				.orElseThrow();
			assertThat(hello.get("file").stringValue()).isEqualTo("io/github/dynamologging/output/ConsoleSettingsTest.java");
			assertThat(lines).noneMatch((line) -> "io.github.dynamologging.output.ConsoleOutputInstaller"
				.equals(line.get("target").stringValue()));
			assertThat(dynlogFormat(context)).isEqualTo("jsonl");
		}
	}

	@Test
	void aUserConfigurationWithoutTheStartersEncodersIsLeftAloneSaidOnceAndNotCalledJsonl() throws Exception {
		try (ConfigurableApplicationContext context = start("logging.config=classpath:output/logback-plain.xml",
				"dynamo.logging.format=jsonl", "server.port=0", "management.endpoints.web.exposure.include=dynlog")) {
			List<String> lines = this.captured.lines().text().lines().toList();
			assertThat(lines).containsOnlyOnce("PLAIN INFO io.github.dynamologging.output.ConsoleOutputInstaller: "
					+ "The Logback configuration classpath:output/logback-plain.xml has no appender named CONSOLE and"
					+ " none with the starter's encoders: its appenders write as configured, and dynamo.logging.format,"
					+ " dynamo.logging.output and dynamo.logging.async do not apply to them (docs/output.md shows how"
					+ " to use the encoders there)")
				.contains("PLAIN INFO " + TARGET + ": hello");
			assertThat(dynlogFormat(context)).isEqualTo(ConsoleFormats.OTHER);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
