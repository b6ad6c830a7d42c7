package io.github.dynamologging.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real {@link SpringApplication} runs, with the post-processor, listener and failure analyzer registered
 * through {@code META-INF/spring.factories}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoggingConfigStartupTests {

	@TempDir
	Path dir;

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(NoBeans.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	private String noDefaultFile() {
		return "--dynamo.logging.default-config-path=" + this.dir.resolve("no-default.toml");
	}

	@Test
	void brokenTomlFailsTheStartWithAFailureAnalysis(CapturedOutput output) throws Exception {
		resetLogbackToItsUnconfiguredDefault();
		Path file = Files.writeString(this.dir.resolve("logging.toml"),
				"log_level = \"warn\"\n[log_filters]\n\"com.example\" = 3\n");
		assertThatExceptionOfType(InvalidLoggingConfigFileException.class)
			.isThrownBy(() -> run("--dynamo.logging.config-path=" + file, noDefaultFile()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The logging config file " + file + " at line 3 cannot be used: the level of 'com.example' "
					+ "in [log_filters] must be a string, but is a number.")
			.contains("Fix " + file + " at line 3: write the level in quotes, e.g. \"com.example\" = \"debug\".");
		// Not in the layout of Logback's unconfigured default: the report went through the configured logging.
		assertThat(output).doesNotContain("ERROR org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter -- ");
	}

	/** As in a fresh JVM: an earlier run in this one leaves Boot's Logback configuration behind. */
	private static void resetLogbackToItsUnconfiguredDefault() throws JoranException {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		new ContextInitializer(context).autoConfig();
	}

	@Test
	void tomlSyntaxErrorReportsLineAndColumn(CapturedOutput output) throws IOException {
		Path file = Files.writeString(this.dir.resolve("syntax.toml"), "\nlog_level = warn\n");
		assertThatExceptionOfType(InvalidLoggingConfigFileException.class)
			.isThrownBy(() -> run("--dynamo.logging.config-path=" + file, noDefaultFile()));
		assertThat(output).contains("The logging config file " + file + " at line 2, column 13 cannot be used: "
				+ "it is not valid TOML (");
	}

	@Test
	void missingNamedFileWarnsOnceAndTheStartGoesOn(CapturedOutput output) {
		Path missing = this.dir.resolve("missing.toml");
		try (ConfigurableApplicationContext context = run("--dynamo.logging.config-path=" + missing,
				noDefaultFile())) {
			assertThat(context.isActive()).isTrue();
		}
		String warning = "Logging config file " + missing
				+ " named by dynamo.logging.config-path does not exist; starting without it";
		assertThat(output.toString().split(Pattern.quote(warning), -1)).hasSize(2);
	}

	@Test
	void levelsFromTheTomlFileReachTheLoggingSystem() throws IOException {
		Path file = Files.writeString(this.dir.resolve("levels.toml"),
				"[log_filters]\n\"com.example.Api$Inner\" = \"trace\"\n");
		try (ConfigurableApplicationContext context = run("--dynamo.logging.config-path=" + file,
				noDefaultFile())) {
			Logger logger = LoggerFactory.getLogger("com.example.Api$Inner");
			assertThat(logger.isTraceEnabled()).isTrue();
			assertThat(LoggerFactory.getLogger("io.netty.channel").isWarnEnabled()).isFalse();
		}
	}

	@Test
	void jsonlFormatSuppressesTheBanner(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--dynamo.logging.format=jsonl", noDefaultFile())) {
			assertThat(context.getEnvironment().getProperty("spring.main.banner-mode")).isEqualTo("off");
		}
		assertThat(output).doesNotContain(":: Spring Boot ::");
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}
