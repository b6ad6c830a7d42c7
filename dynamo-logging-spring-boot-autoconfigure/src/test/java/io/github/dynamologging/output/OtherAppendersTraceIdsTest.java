package io.github.dynamologging.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dynamologging.capture.DynamoLogCapture;
import io.github.dynamologging.testing.BootLoggingSystemProperties;
import io.github.dynamologging.testing.JsonLines;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appenders Spring Boot configures next to the starter's console, in a real application with tracing:
 * they see the MDC as Micrometer writes it ({@code traceId}, {@code spanId}), while the starter's JSONL line
 * on stderr writes the same ids as {@code trace_id}/{@code span_id}, each once.
 */
class OtherAppendersTraceIdsTest {

	private static final String TARGET = "output.other.appenders";

	@TempDir
	Path dir;

	@RegisterExtension
	final DynamoLogCapture stderr = DynamoLogCapture.stderr();

	@AfterEach
	void clearBootLoggingProperties() {
		BootLoggingSystemProperties.clear();
	}

	/** What one line logged inside a span carried: the span's ids and the file's lines. */
	private record Logged(String traceId, String spanId, List<String> fileLines) {
	}

	private Logged logInsideASpan(String... properties) throws IOException {
		Path file = this.dir.resolve("app.log");
		List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.application.name=other-appenders", "--dynamo.logging.format=jsonl",
				"--logging.file.name=" + file));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(args::add);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.run(args.toArray(String[]::new))) {
			Tracer tracer = context.getBean(Tracer.class);
			Span span = tracer.nextSpan().name("work").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
				LoggerFactory.getLogger(TARGET).info("inside a span");
			}
			finally {
				span.end();
			}
			return new Logged(span.context().traceId(), span.context().spanId(),
					Files.readAllLines(file, StandardCharsets.UTF_8));
		}
	}

	/** The starter's own line for the event, valid like every line on stderr: Dynamo's keys, never Micrometer's. */
	private void assertDynamoLineHasTheIds(Logged logged) {
		JsonNode line = this.stderr.lines().assertAllValid().withField("target", TARGET);
		assertThat(line.get("trace_id").stringValue()).isEqualTo(logged.traceId());
		assertThat(line.get("span_id").stringValue()).isEqualTo(logged.spanId());
		assertThat(line.get("span_name").stringValue()).isEqualTo("work");
		assertThat(line.has("traceId")).isFalse();
		assertThat(line.has("spanId")).isFalse();
	}

	private static String fileLine(Logged logged) {
		return logged.fileLines()
			.stream()
			.filter((line) -> line.contains("inside a span"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line for the event in " + logged.fileLines()));
	}

	@Test
	void bootsDefaultFilePatternShowsTheIdsThroughCorrelationId() throws IOException {
		Logged logged = logInsideASpan("dynamo.logging.file-format=boot");
		// Boot's default file pattern: ... [<app>] [<thread>] [<traceId>-<spanId>] <logger> : <message>
		Matcher correlation = Pattern.compile("\\[([0-9a-f]{32})-([0-9a-f]{16})\\] " + Pattern.quote(TARGET) + " +: inside a span")
			.matcher(fileLine(logged));
		assertThat(correlation.find()).as(fileLine(logged)).isTrue();
		assertThat(correlation.group(1)).isEqualTo(logged.traceId());
		assertThat(correlation.group(2)).isEqualTo(logged.spanId());
		assertDynamoLineHasTheIds(logged);
	}

	@Test
	void bootsLogstashFormatInTheFileHasTheIdsUnderMicrometersNames() throws IOException {
		Logged logged = logInsideASpan("logging.structured.format.file=logstash");
		JsonNode line = JsonLines.STRICT.readTree(fileLine(logged));
		assertThat(line.get("traceId").stringValue()).isEqualTo(logged.traceId());
		assertThat(line.get("spanId").stringValue()).isEqualTo(logged.spanId());
		assertThat(line.has("trace_id")).isFalse();
		assertDynamoLineHasTheIds(logged);
	}

	@Test
	void aUserPatternWithMdcKeysShowsTheIds() throws IOException {
		Logged logged = logInsideASpan("logging.pattern.file=user %X{traceId} %X{spanId} %X{trace_id}| %m%n");
		assertThat(fileLine(logged)).isEqualTo("user " + logged.traceId() + " " + logged.spanId() + " | inside a span");
		assertDynamoLineHasTheIds(logged);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
