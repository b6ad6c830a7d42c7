package io.github.dynamologging.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dynamologging.capture.DynamoLogCapture;
import io.github.dynamologging.export.DynamoEnvironment;
import io.github.dynamologging.testing.BootLoggingSystemProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration dump in a real start with the variables in place of the real environment and JSONL on
 * stderr: the {@code CONFIG_DUMP} line's {@code config} field, parsed, names each setting's source, and no
 * secret is written anywhere.
 */
class ConfigDumpStartTest {

	private static final String TOKEN = "Bearer s3cr3t-t0ken-4711";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@RegisterExtension
	final DynamoLogCapture stderr = DynamoLogCapture.stderr();

	@AfterEach
	void clearBootLoggingProperties() {
		BootLoggingSystemProperties.clear();
	}

	private ConfigurableApplicationContext start(Map<String, String> variables, String... args) throws IOException {
		Path toml = Files.writeString(this.dir.resolve("logging.toml"),
				"log_level = \"warn\"\n[log_filters]\n\"com.example.toml\" = \"debug\"\n");
		DynamoEnvironment env = new DynamoEnvironment();
		env.variables.putAll(Map.of("DYN_LOGGING_CONSOLE_FORMAT", "jsonl", "DYN_LOGGING_CONFIG_PATH", toml.toString(),
				"OTEL_EXPORTER_OTLP_HEADERS", "authorization=" + TOKEN, "OTEL_EXPORTER_OTLP_ENDPOINT",
				"http://collector:4317"));
		env.variables.putAll(variables);
		StandardEnvironment environment = new StandardEnvironment();
		env.replaceSources(environment);
		List<String> all = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--dynamo.logging.default-config-path=" + this.dir.resolve("no-default.toml")));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(App.class).environment(environment).run(all.toArray(String[]::new));
	}

	/** The lines whose message starts so; every line on stderr must be a valid JSONL line. */
	private List<JsonNode> linesWithMessage(String prefix) {
		return this.stderr.lines()
			.assertAllValid()
			.matching((line) -> line.get("message").stringValue().startsWith(prefix));
	}

	@Test
	void atDebugOneLineHoldsEverySettingWithItsSourceAndNoSecret() throws IOException {
		Path dumpFile = this.dir.resolve("dump.json");
		try (ConfigurableApplicationContext context = start(
				Map.of("DYN_LOG", "info,dynamo.logging.config=debug,com.example.env=trace"),
				"--dynamo.logging.config-dump-path=" + dumpFile, "--logging.level.com.example.cli=error")) {
			JsonNode line = linesWithMessage("CONFIG_DUMP").get(0);
			assertThat(linesWithMessage("CONFIG_DUMP")).hasSize(1);
			assertThat(line.get("level").stringValue()).isEqualTo("DEBUG");
			assertThat(line.get("target").stringValue()).isEqualTo("dynamo.logging.config");
			String json = line.get("config").stringValue();
			JsonNode dump = JSON.readTree(json);
			JsonNode settings = dump.get("settings");
			assertThat(settings.get("logging.level.[com.example.toml]").get("source").stringValue())
				.isEqualTo("TOML file " + this.dir.resolve("logging.toml"));
			assertThat(settings.get("logging.level.[com.example.toml]").get("value").stringValue()).isEqualTo("debug");
			assertThat(settings.get("logging.level.[com.example.env]").get("source").stringValue())
				.isEqualTo("DYN_*/OTEL_* environment variables");
			assertThat(settings.get("logging.level.com.example.cli").get("source").stringValue())
				.isEqualTo("command line");
			assertThat(settings.get("logging.level.[io.netty]").get("source").stringValue())
				.isEqualTo("built-in defaults");
			assertThat(settings.get("dynamo.logging.format").get("value").stringValue()).isEqualTo("jsonl");
			assertThat(dump.get("environment").get("DYN_LOG").stringValue())
				.isEqualTo("info,dynamo.logging.config=debug,com.example.env=trace");
			assertThat(dump.get("environment").get("OTEL_EXPORTER_OTLP_HEADERS").stringValue()).isEqualTo("<REDACTED>");
			List<String> names = new ArrayList<>(settings.propertyNames());
			assertThat(names).isSorted();
			assertThat(new ArrayList<>(dump.propertyNames())).containsExactly("environment", "settings");

			assertThat(Files.readString(dumpFile)).isEqualTo(json);
			assertThat(linesWithMessage("Configuration dump written to ")).singleElement()
				.satisfies((info) -> assertThat(info.get("path").stringValue()).isEqualTo(dumpFile.toString()));
			assertThat(this.stderr.text()).doesNotContain("s3cr3t");
		}
	}

	@Test
	void aFileThatCannotBeWrittenPutsTheJsonInTheInfoLine() throws IOException {
		Path notADirectory = Files.writeString(this.dir.resolve("plain-file"), "x");
		try (ConfigurableApplicationContext context = start(Map.of(),
				"--dynamo.logging.config-dump-path=" + notADirectory.resolve("dump.json"))) {
			assertThat(linesWithMessage("CONFIG_DUMP")).as("DEBUG is off").isEmpty();
			JsonNode info = linesWithMessage("Configuration dump could not be written to ").get(0);
			assertThat(info.get("level").stringValue()).isEqualTo("INFO");
			assertThat(JSON.readTree(info.get("config").stringValue()).get("environment").get("OTEL_EXPORTER_OTLP_HEADERS")
				.stringValue()).isEqualTo("<REDACTED>");
			assertThat(this.stderr.text()).doesNotContain("s3cr3t");
		}
	}

	@Test
	void secretNamesAreRecognisedInAnyCaseAndSpelling() {
		assertThat(ConfigDump.redacted("management.opentelemetry.tracing.export.otlp.headers[authorization]", "x"))
			.isEqualTo("<REDACTED>");
		assertThat(ConfigDump.redacted("my.api-key", "x")).isEqualTo("<REDACTED>");
		assertThat(ConfigDump.redacted("Db_Password", "x")).isEqualTo("<REDACTED>");
		assertThat(ConfigDump.redacted("OTEL_SERVICE_NAME", "svc")).isEqualTo("svc");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
