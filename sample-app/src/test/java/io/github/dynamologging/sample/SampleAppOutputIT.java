package io.github.dynamologging.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dynamologging.capture.CapturedLogLines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample app's real stderr, in each format, as an operator sees it. */
class SampleAppOutputIT {

	private static final String READABLE_LINE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z (TRACE|DEBUG| INFO| WARN|ERROR) \\S+: .*";

	/**
	 * The app's stderr through the project's validator, as an operator would check a log file: every line
	 * a valid JSONL line, the last one ended by its \n.
	 */
	private static CapturedLogLines validLines(SampleAppProcess app) {
		return CapturedLogLines.parse(app.stderrBytes()).assertAllValid();
	}

	@Test
	void jsonlModeWritesOnlyDynamoJsonLinesToStderrFromTheFirstLineOn() throws Exception {
		CapturedLogLines lines;
		List<String> stdout;
		try (SampleAppProcess app = SampleAppProcess.start(Map.of("DYN_LOGGING_JSONL", "1")).awaitStarted()) {
			assertThat(app.get("/hello?name=bob").body()).isEqualTo("hello bob");
			assertThat(app.get("/fail").statusCode()).isEqualTo(500);
			app.awaitStderr((line) -> line.contains("request failed"), Duration.ofSeconds(10));
			app.stop();
			lines = validLines(app);
			stdout = app.stdoutLines();
		}
		assertThat(stdout).as("stdout (no banner, no lines)").isEmpty();
		assertThat(lines.isEmpty()).isFalse();
		assertThat(lines).allSatisfy((line) -> assertThat(line.propertyNames()).startsWith("time", "level", "file",
				"line", "target", "message"));
		JsonNode hello = lines.withMessage("hello bob");
		assertThat(hello.get("level").asString()).isEqualTo("INFO");
		assertThat(hello.get("target").asString()).isEqualTo(HelloController.class.getName());
		assertThat(hello.get("file").asString()).isEqualTo("io/github/dynamologging/sample/HelloController.java");
		assertThat(hello.get("line").asInt()).isPositive();
		assertThat(hello.get("name").asString()).isEqualTo("bob");
		JsonNode failure = lines.withMessage("request failed");
		assertThat(failure.get("level").asString()).isEqualTo("ERROR");
		assertThat(failure.get("exception.type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(failure.get("exception.message").asString()).isEqualTo("the sample failed on purpose");
		assertThat(failure.get("exception.stacktrace").asString())
			.contains("Caused by: java.lang.IllegalArgumentException: root cause");
	}

	@Test
	void localTimeModeWritesTheZoneOffset() throws Exception {
		CapturedLogLines lines;
		try (SampleAppProcess app = SampleAppProcess
			.start(Map.of("DYN_LOGGING_JSONL", "true", "DYN_LOG_USE_LOCAL_TZ", "1", "TZ", "Asia/Kolkata"))
			.awaitStarted()) {
			app.get("/hello?name=local");
			app.awaitStderr((line) -> line.contains("hello local"), Duration.ofSeconds(10));
			app.stop();
			lines = validLines(app);
		}
		assertThat(lines.asList()).isNotEmpty().allSatisfy((line) -> assertThat(line.get("time").asString())
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
