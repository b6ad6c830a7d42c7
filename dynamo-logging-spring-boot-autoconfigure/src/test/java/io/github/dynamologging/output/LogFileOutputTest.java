package io.github.dynamologging.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.dynamologging.schema.LogLineValidator;
import io.github.dynamologging.testing.CapturedStderr;
import io.github.dynamologging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's log file ({@code logging.file.name}) in a real application: it holds Dynamo's lines in the
 * chosen format, console and file can differ, Boot's rolling settings apply, and where the user's own Boot
 * file setting and the starter's meet, one line at start says which applies.
 */
class LogFileOutputTest {

	private static final String TARGET = "output.log.file";

	private static final Pattern READABLE_LINE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z  INFO " + Pattern.quote(TARGET) + ": to the file n=1");

	@TempDir
	Path dir;

	@RegisterExtension
	final CapturedStderr captured = new CapturedStderr();

	private int callerLine;

	private Path file() {
		return this.dir.resolve("app.log");
	}

	/** Starts the app with a log file, logs one line (and {@code more} after it), returns the file's lines. */
	private List<String> logToFile(int more, String... properties) throws IOException {
		List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--logging.file.name=" + file()));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(args::add);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.run(args.toArray(String[]::new))) {
			Logger log = LoggerFactory.getLogger(TARGET);
			this.callerLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
			log.atInfo().addKeyValue("n", 1).log("to the file");
			for (int i = 0; i < more; i++) {
				log.info("filler line {} to make the file roll over", i);
			}
		}
		return Files.readAllLines(file(), StandardCharsets.UTF_8);
	}

	/** The file's line for the event, checked against the schema and parsed. */
	private JsonNode jsonlLine(List<String> lines) {
		assertThat(lines).isNotEmpty().allSatisfy((line) -> assertThat(LogLineValidator.strict().validateLine(line))
			.as(line).isEmpty());
		return lines.stream()
			.map(JsonLines.STRICT::readTree)
			.filter((line) -> TARGET.equals(line.get("target").stringValue()))
			.findFirst()
			.orElseThrow();
	}

	private void assertCallerAndFields(JsonNode line) {
		assertThat(line.get("message").stringValue()).isEqualTo("to the file");
		assertThat(line.get("file").stringValue()).isEqualTo("io/github/dynamologging/output/LogFileOutputTest.java");
		assertThat(line.get("line").intValue()).isEqualTo(this.callerLine);
		assertThat(line.get("n").intValue()).isEqualTo(1);
	}

	private List<String> stderrMessages(String level) {
		return this.captured.lines().jsonLines()
			.stream()
			.filter((line) -> level.equals(line.get("level").stringValue()))
			.map((line) -> line.get("message").stringValue())
			.toList();
	}

	@Test
	void theFileFollowsTheConsolesJsonlFormatWithTheCaller() throws IOException {
		List<String> lines = logToFile(0, "dynamo.logging.format=jsonl");
		assertCallerAndFields(jsonlLine(lines));
		// The console is JSONL too: every stderr line parses.
		assertThat(this.captured.lines().jsonLines()).anyMatch((line) -> TARGET.equals(line.get("target").stringValue()));
	}

	@Test
	void aReadableConsoleAndAJsonlFile() throws IOException {
		List<String> lines = logToFile(0, "dynamo.logging.file-format=jsonl");
		assertCallerAndFields(jsonlLine(lines));
		assertThat(this.captured.lines().text()).containsPattern(READABLE_LINE);
	}

	@Test
	void aJsonlConsoleAndAReadableFileWithoutColours() throws IOException {
		List<String> lines = logToFile(0, "dynamo.logging.format=jsonl", "dynamo.logging.file-format=readable",
				"spring.output.ansi.enabled=always");
		assertThat(lines).anyMatch((line) -> READABLE_LINE.matcher(line).matches());
		assertThat(lines).noneMatch((line) -> line.contains("\u001b"));
		assertThat(this.captured.lines().jsonLines()).anyMatch((line) -> TARGET.equals(line.get("target").stringValue()));
	}

	@Test
	void bootsRollingSettingsApply() throws IOException {
		List<String> lines = logToFile(400, "dynamo.logging.format=jsonl",
				"logging.logback.rollingpolicy.max-file-size=4KB",
				"logging.logback.rollingpolicy.file-name-pattern=" + this.dir.resolve("app-%d{yyyy-MM-dd}.%i.log"));
		try (Stream<Path> files = Files.list(this.dir)) {
			List<Path> rolled = files.filter((file) -> file.getFileName().toString().matches("app-[0-9-]+\\.\\d+\\.log")).toList();
			assertThat(rolled).isNotEmpty();
			for (Path file : rolled) {
				List<String> rolledLines = Files.readAllLines(file, StandardCharsets.UTF_8);
				assertThat(rolledLines).isNotEmpty()
					.allSatisfy((line) -> assertThat(LogLineValidator.strict().validateLine(line)).as(line).isEmpty());
			}
		}
		assertThat(lines).allSatisfy((line) -> assertThat(LogLineValidator.strict().validateLine(line)).as(line).isEmpty());
	}

	@Test
	void anExplicitFileFormatWinsOverBootsAndSaysSoInOneLine() throws IOException {
		List<String> lines = logToFile(0, "dynamo.logging.format=jsonl", "dynamo.logging.file-format=jsonl",
				"logging.structured.format.file=logstash");
		assertCallerAndFields(jsonlLine(lines));
		assertThat(stderrMessages("WARN")).containsOnlyOnce(
				"dynamo.logging.file-format=jsonl applies to the log file; logging.structured.format.file=logstash is not used (set dynamo.logging.file-format=boot to keep it)");
	}

	@Test
	void bootsOwnFileFormatSetByTheUserIsKeptAndSaidOnce() throws IOException {
		List<String> lines = logToFile(0, "dynamo.logging.format=jsonl", "logging.structured.format.file=logstash");
		JsonNode line = lines.stream()
			.map(JsonLines.STRICT::readTree)
			.filter((candidate) -> TARGET.equals(candidate.path("logger_name").stringValue()))
			.findFirst()
			.orElseThrow();
		assertThat(line.get("message").stringValue()).isEqualTo("to the file");
		assertThat(line.has("@timestamp")).isTrue();
		assertThat(stderrMessages("INFO")).containsOnlyOnce(
				"The log file keeps Spring Boot's format: logging.structured.format.file=logstash is set; dynamo.logging.file-format=jsonl or readable would write Dynamo's lines there");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
