package io.github.dynamologging.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import io.github.dynamologging.config.internal.LoggingConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InvalidLoggingConfigFileFailureAnalyzerTests {

	@TempDir
	Path dir;

	private final InvalidLoggingConfigFileFailureAnalyzer analyzer = new InvalidLoggingConfigFileFailureAnalyzer();

	private InvalidLoggingConfigFileException failure(String text) throws IOException {
		Path file = Files.writeString(this.dir.resolve("logging.toml"), text);
		return catchThrowableOfType(InvalidLoggingConfigFileException.class, () -> LoggingConfigFile.readIfExists(file));
	}

	@Test
	void namesFileLineColumnProblemAndFix() throws IOException {
		InvalidLoggingConfigFileException failure = failure("log_level = \"warn\"\n[log_filters\n");
		Path file = this.dir.resolve("logging.toml");
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis.getDescription()).isEqualTo("The logging config file " + file
				+ " at line 2, column 13 cannot be used: it is not valid TOML (Newline not permitted here).");
		assertThat(analysis.getAction()).isEqualTo("Fix " + file + " at line 2, column 13: correct the TOML syntax "
				+ "there, e.g. log_level = \"warn\" and \"com.example.api\" = \"debug\" under [log_filters]. "
				+ "Or start without this file: it is read from DYN_LOGGING_CONFIG_PATH (or dynamo.logging.config-path) "
				+ "and from dynamo.logging.default-config-path (default /opt/dynamo/etc/logging.toml).");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void wrongTypeHasALineButNoColumn() throws IOException {
		FailureAnalysis analysis = this.analyzer.analyze(failure("\nlog_level = true\n"));
		assertThat(analysis.getDescription()).endsWith("logging.toml at line 2 cannot be used: "
				+ "log_level must be a string, but is a boolean.");
		assertThat(analysis.getAction()).contains(": write the level in quotes, e.g. log_level = \"warn\". ");
	}

	@Test
	void otherFailuresAreNotItsBusiness() {
		assertThat(this.analyzer.analyze(new IllegalStateException("something else"))).isNull();
	}

}
