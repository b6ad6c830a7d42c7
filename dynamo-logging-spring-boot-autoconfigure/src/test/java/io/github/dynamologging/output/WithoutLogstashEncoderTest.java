package io.github.dynamologging.output;

import java.util.List;

import io.github.dynamologging.export.DynamoEnvironment;
import io.github.dynamologging.testing.CapturedStderr;
import org.junit.jupiter.api.Tag;
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
 * An application that excluded logstash-logback-encoder: only the async console needs it. Runs in the surefire
 * execution {@code lean-classpath-test}, whose classpath lacks the library; a real application start with JSONL on
 * stderr.
 */
@Tag("lean-classpath")
class WithoutLogstashEncoderTest {

	@RegisterExtension
	final CapturedStderr stderr = new CapturedStderr();

	@Test
	void asyncAskedForSaysInOneLineThatTheConsoleIsWrittenOnTheLoggingThreadAndEverythingElseWorks() {
		DynamoEnvironment env = new DynamoEnvironment();
		env.variables.put("DYN_LOGGING_JSONL", "1");
		env.variables.put("DYNAMO_LOGGING_ASYNC_ENABLED", "true");
		StandardEnvironment environment = new StandardEnvironment();
		env.replaceSources(environment);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class).environment(environment)
			.run("--spring.main.web-application-type=none")) {
			assertThat(AsyncOutput.installed()).isEmpty();
			LoggerFactory.getLogger("without.logstash").info("still logging");
		}
		List<JsonNode> lines = this.stderr.lines().jsonLines();
		assertThat(lines).filteredOn((line) -> line.get("level").stringValue().equals("WARN"))
			.singleElement()
			.satisfies((warning) -> {
				assertThat(warning.get("target").stringValue()).isEqualTo(ConsoleOutputInstaller.class.getName());
				assertThat(warning.get("message").stringValue()).isEqualTo("dynamo.logging.async.enabled=true needs "
						+ "net.logstash.logback:logstash-logback-encoder 7.0 or later, and it is not on the classpath; "
						+ "the console is written on the logging thread instead, and everything else works as "
						+ "configured (only the async console needs that library); to queue the console, use version "
						+ "7.0 or later (the starter brings 9.0)");
			});
		assertThat(lines).filteredOn((line) -> line.get("message").stringValue().equals("still logging"))
			.singleElement();
		assertThat(lines).filteredOn((line) -> line.get("level").stringValue().equals("ERROR")).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
