package io.github.dynamologging.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dynamologging.capture.CapturedLogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** DYN_* variables and the TOML file, as an operator sets them on a real process. */
class SampleAppConfigurationIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	/** The app's stderr, every line checked by the project's validator, the last one ended by its \n. */
	private static List<JsonNode> parse(byte[] stderr) {
		return CapturedLogLines.parse(stderr).assertAllValid().asList();
	}

	private static List<JsonNode> withTarget(List<JsonNode> lines, String target) {
		return lines.stream().filter((line) -> line.get("target").asString().equals(target)).toList();
	}

	@Test
	void dynLogSetsLevelsWarnsAboutBadDirectivesAndShowsInActuator() throws Exception {
		byte[] stderr;
		String loggers;
		try (SampleAppProcess app = SampleAppProcess
			.start(Map.of("DYN_LOGGING_JSONL", "1", "DYN_LOG",
					"warn, io.github.dynamologging.sample:debug, bad target=info, org.springframework.boot.tomcat=info"))
			.awaitStarted()) {
			app.get("/hello?name=quiet");
			app.awaitStderr((line) -> line.contains("hello quiet"), Duration.ofSeconds(10));
			loggers = app.get("/actuator/loggers/io.github.dynamologging.sample").body();
			app.stop();
			stderr = app.stderrBytes();
		}
		List<JsonNode> lines = parse(stderr);
		assertThat(lines).filteredOn((line) -> line.get("level").asString().equals("WARN"))
			.extracting((line) -> line.get("message").asString())
			.anySatisfy((message) -> assertThat(message).contains("'bad target=info'").contains("DYN_LOG"));
		// Root at warn: Boot's own INFO start lines are gone, the targets named at a lower level still speak.
		assertThat(lines).noneSatisfy((line) -> assertThat(line.get("target").asString()).startsWith("org.apache"));
		assertThat(withTarget(lines, "org.springframework.boot.tomcat.TomcatWebServer")).isNotEmpty();
		assertThat(withTarget(lines, SampleApplication.class.getName()))
			.anySatisfy((line) -> assertThat(line.get("level").asString()).isEqualTo("DEBUG"));
		// The sample's package at debug: /hello's INFO line and its DEBUG details line.
		assertThat(withTarget(lines, HelloController.class.getName()))
			.extracting((line) -> line.get("level").asString() + " " + line.get("message").asString())
			.containsExactly("INFO hello quiet", "DEBUG hello details");
		JsonNode levels = JSON.readTree(loggers);
		assertThat(levels.get("configuredLevel").asString()).isEqualTo("DEBUG");
	}

	@Test
	void tomlFileAppliesBelowDynLogAndUnknownValuesWarn() throws Exception {
		Path toml = this.directory.resolve("logging.toml");
		Files.writeString(toml, """
				log_level = "warn"
				colour = "blue"

				[log_filters]
				"io.github.dynamologging.sample" = "error"
				"org.springframework.boot.tomcat" = "info"
				""");
		byte[] stderr;
		try (SampleAppProcess app = SampleAppProcess
			.start(Map.of("DYN_LOGGING_JSONL", "maybe", "DYN_LOGGING_CONSOLE_FORMAT", " JSONL ",
					"DYN_LOGGING_CONFIG_PATH", toml.toString(), "DYN_LOG", "io.github.dynamologging.sample=info"))
			.awaitStarted()) {
			app.get("/hello?name=toml");
			app.awaitStderr((line) -> line.contains("hello toml"), Duration.ofSeconds(10));
			app.stop();
			stderr = app.stderrBytes();
		}
		List<JsonNode> lines = parse(stderr);
		List<String> warnings = lines.stream()
			.filter((line) -> line.get("level").asString().equals("WARN"))
			.map((line) -> line.get("message").asString())
			.toList();
		assertThat(warnings).anySatisfy((message) -> assertThat(message).contains("DYN_LOGGING_JSONL='maybe'"));
		assertThat(warnings).anySatisfy((message) -> assertThat(message).contains("'colour'").contains(toml.toString()));
		// DYN_LOG's info beats the file's error for the same target; the file's root warn still applies.
		assertThat(withTarget(lines, HelloController.class.getName())).isNotEmpty();
		assertThat(withTarget(lines, "org.springframework.boot.tomcat.TomcatWebServer")).isNotEmpty();
		assertThat(lines).noneSatisfy((line) -> assertThat(line.get("target").asString()).startsWith("org.apache"));
	}

	@Test
	void aBrokenTomlFileStopsTheStartWithAFailureAnalysisInTheChosenFormat() throws Exception {
		Path toml = this.directory.resolve("broken.toml");
		Files.writeString(toml, """
				log_level = "warn"
				[log_filters]
				"com.example" = 3
				""");
		byte[] stderr;
		int exitCode;
		try (SampleAppProcess app = SampleAppProcess
			.start(Map.of("DYN_LOGGING_JSONL", "1", "DYN_LOGGING_CONFIG_PATH", toml.toString()))) {
			exitCode = app.awaitExit();
			stderr = app.stderrBytes();
			assertThat(app.stdoutLines()).isEmpty();
		}
		assertThat(exitCode).isNotZero();
		List<JsonNode> lines = parse(stderr);
		assertThat(lines).filteredOn((line) -> line.get("level").asString().equals("ERROR"))
			.extracting((line) -> line.get("message").asString())
			.anySatisfy((message) -> assertThat(message).contains("APPLICATION FAILED TO START")
				.contains(toml.toString() + " at line 3")
				.contains("must be a string"));
	}

}
