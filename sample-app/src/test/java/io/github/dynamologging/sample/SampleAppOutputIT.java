package io.github.dynamologging.sample;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dynamologging.schema.LogLineValidator;
import io.github.dynamologging.schema.ValidationReport;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample app's real stderr, in each format, as an operator sees it. */
class SampleAppOutputIT {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final String READABLE_LINE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z (TRACE|DEBUG| INFO| WARN|ERROR) \\S+: .*";

	/** Runs the shipped validator over the captured lines, as an operator would over a log file. */
	private static String validate(List<String> lines) throws Exception {
		byte[] log = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		ValidationReport report = LogLineValidator.strict().validate(new ByteArrayInputStream(log));
		assertThat(report.problems()).isEmpty();
		return report.summary().toString();
	}

	@Test
	void jsonlModeWritesOnlyDynamoJsonLinesToStderrFromTheFirstLineOn() throws Exception {
		List<String> stderr;
		List<String> stdout;
		try (SampleAppProcess app = SampleAppProcess.start(Map.of("DYN_LOGGING_JSONL", "1")).awaitStarted()) {
			assertThat(app.get("/hello?name=bob").body()).isEqualTo("hello bob");
			assertThat(app.get("/fail").statusCode()).isEqualTo(500);
			app.awaitStderr((line) -> line.contains("request failed"), Duration.ofSeconds(10));
			app.stop();
			stderr = app.stderrLines();
			stdout = app.stdoutLines();
		}
		assertThat(stdout).as("stdout (no banner, no lines)").isEmpty();
		assertThat(stderr).isNotEmpty();
		assertThat(validate(stderr)).as("schema report").isEqualTo(stderr.size() + " lines: " + stderr.size() + " valid, 0 invalid");
		List<JsonNode> lines = stderr.stream().map(JSON::readTree).toList();
		assertThat(lines).allSatisfy((line) -> assertThat(line.propertyNames()).startsWith("time", "level", "file",
				"line", "target", "message"));
		JsonNode hello = lines.stream().filter((line) -> line.get("message").asString().equals("hello bob"))
			.findFirst()
			.orElseThrow();
		assertThat(hello.get("level").asString()).isEqualTo("INFO");
		assertThat(hello.get("target").asString()).isEqualTo(HelloController.class.getName());
		assertThat(hello.get("file").asString()).isEqualTo("io/github/dynamologging/sample/HelloController.java");
		assertThat(hello.get("line").asInt()).isPositive();
		assertThat(hello.get("name").asString()).isEqualTo("bob");
		JsonNode failure = lines.stream().filter((line) -> line.get("message").asString().equals("request failed"))
			.findFirst()
			.orElseThrow();
		assertThat(failure.get("level").asString()).isEqualTo("ERROR");
		assertThat(failure.get("exception.type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(failure.get("exception.message").asString()).isEqualTo("the sample failed on purpose");
		assertThat(failure.get("exception.stacktrace").asString())
			.contains("Caused by: java.lang.IllegalArgumentException: root cause");
	}

	@Test
	void localTimeModeWritesTheZoneOffset() throws Exception {
		List<String> stderr;
		try (SampleAppProcess app = SampleAppProcess
			.start(Map.of("DYN_LOGGING_JSONL", "true", "DYN_LOG_USE_LOCAL_TZ", "1", "TZ", "Asia/Kolkata"))
			.awaitStarted()) {
			app.get("/hello?name=local");
			app.awaitStderr((line) -> line.contains("hello local"), Duration.ofSeconds(10));
			app.stop();
			stderr = app.stderrLines();
		}
		assertThat(validate(stderr)).as("schema report").isEqualTo(stderr.size() + " lines: " + stderr.size() + " valid, 0 invalid");
		assertThat(stderr).isNotEmpty().allSatisfy((line) -> assertThat(JSON.readTree(line).get("time").asString())
			.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+05:30"));
	}

	@Test
	void readableModeIsTheDefault() throws Exception {
		List<String> stderr;
		try (SampleAppProcess app = SampleAppProcess.start(Map.of()).awaitStarted()) {
			app.get("/hello?name=reader");
			app.awaitStderr((line) -> line.contains("hello reader"), Duration.ofSeconds(10));
			app.stop();
			stderr = app.stderrLines();
		}
		assertThat(stderr).isNotEmpty().allSatisfy((line) -> assertThat(line).matches(READABLE_LINE));
		assertThat(stderr).anySatisfy((line) -> assertThat(line).matches(".*Z  INFO http-request: "
				+ HelloController.class.getName().replace(".", "\\.")
				+ ": hello reader method=\"GET\" name=\"reader\" request_id=\"[0-9a-f-]{36}\" trace_id=\"[0-9a-f]{32}\""
				+ " uri=\"/hello\\?name=reader\" version=\"HTTP/1.1\" x_request_id=\"[0-9a-f-]{36}\""));
	}

}
