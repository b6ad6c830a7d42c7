package io.github.dynamologging.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import io.github.dynamologging.config.internal.LoggingConfigFile;
import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoggingConfigFileTests {

	@TempDir
	Path dir;

	private Path write(String text) throws IOException {
		return Files.writeString(this.dir.resolve("logging.toml"), text);
	}

	private LoggingConfigFile read(String text) throws IOException {
		Path file = write(text);
		return LoggingConfigFile.readIfExists(file).orElseThrow();
	}

	private InvalidLoggingConfigFileException failure(String text) throws IOException {
		Path file = write(text);
		return catchThrowableOfType(InvalidLoggingConfigFileException.class, () -> LoggingConfigFile.readIfExists(file));
	}

	@Test
	void readsRootLevelAndTargets() throws IOException {
		LoggingConfigFile file = read("""
				log_level = "warn"            # default level
				[log_filters]
				"com.example.api" = "debug"
				"org.apache.kafka" = "error"
				""");
		assertThat(file.filter()).isEqualTo(LogFilter.parseStrict("warn,com.example.api=debug,org.apache.kafka=error"));
		assertThat(file.filter().targetLevels().keySet()).containsExactly("com.example.api", "org.apache.kafka");
		assertThat(file.warnings()).isEmpty();
		assertThat(file.path()).isEqualTo(this.dir.resolve("logging.toml"));
	}

	@Test
	void levelsAcceptTheFilterSpellings() throws IOException {
		LoggingConfigFile file = read("""
				log_level = "WARNING"
				[log_filters]
				"a" = "4"
				"com.Example$Inner" = " Trace "
				""");
		assertThat(file.filter()).isEqualTo(LogFilter.parseStrict("warn,a=debug,com.Example$Inner=trace"));
	}

	@Test
	void unquotedDottedKeysAreReadAsTheDottedLoggerName() throws IOException {
		LoggingConfigFile file = read("""
				[log_filters]
				com.example.api = "debug"
				"com.example" = "info"
				""");
		assertThat(file.filter()).isEqualTo(LogFilter.parseStrict("com.example.api=debug,com.example=info"));
	}

	@Test
	void onlyFiltersOrOnlyLevelOrNothing() throws IOException {
		assertThat(read("[log_filters]\n\"a\" = \"error\"\n").filter()).isEqualTo(LogFilter.parseStrict("a=error"));
		assertThat(read("log_level = \"off\"\n").filter()).isEqualTo(LogFilter.parseStrict("off"));
		assertThat(read("").filter().isEmpty()).isTrue();
		assertThat(read("# nothing here\n").filter().isEmpty()).isTrue();
	}

	@Test
	void unknownKeysDrawOneWarningEachWithTheirLine() throws IOException {
		LoggingConfigFile file = read("""
				log_level = "info"
				colour = true

				[log_filters]
				"a" = "debug"

				[other]
				x = 1
				""");
		Path path = this.dir.resolve("logging.toml");
		assertThat(file.warnings()).containsExactly(
				"Ignoring unknown key 'colour' in logging config file " + path
						+ " (line 2); the known keys are log_level and log_filters",
				"Ignoring unknown key 'other' in logging config file " + path
						+ " (line 7); the known keys are log_level and log_filters");
		assertThat(file.filter()).isEqualTo(LogFilter.parseStrict("info,a=debug"));
	}

	@Test
	void missingFileIsEmpty() {
		assertThat(LoggingConfigFile.readIfExists(this.dir.resolve("absent.toml"))).isEmpty();
		assertThat(LoggingConfigFile.readIfExists(this.dir.resolve("no/such/dir/logging.toml"))).isEmpty();
	}

	@Test
	void syntaxErrorNamesFileLineAndColumn() throws IOException {
		InvalidLoggingConfigFileException ex = failure("""
				log_level = "warn"
				[log_filters]
				"a" = "debug
				""");
		assertThat(ex.file()).isEqualTo(this.dir.resolve("logging.toml"));
		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.column()).isEqualTo(13);
		assertThat(ex.problem()).isEqualTo("it is not valid TOML (Newline not permitted here)");
		assertThat(ex.getMessage()).isEqualTo("Invalid logging config file " + ex.file()
				+ " at line 3, column 13: it is not valid TOML (Newline not permitted here)");
		assertThat(ex.fix()).startsWith("correct the TOML syntax there");
	}

	@Test
	void unquotedLevelIsASyntaxError() throws IOException {
		InvalidLoggingConfigFileException ex = failure("\n\nlog_level = warn\n");
		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.column()).isEqualTo(13);
		assertThat(ex.problem()).startsWith("it is not valid TOML (");
	}

	@Test
	void rootLevelOfWrongTypeNamesItsLine() throws IOException {
		InvalidLoggingConfigFileException ex = failure("""
				# levels
				log_level = 3
				[log_filters]
				"a" = "debug"
				""");
		assertThat(ex.line()).isEqualTo(2);
		assertThat(ex.column()).isZero();
		assertThat(ex.problem()).isEqualTo("log_level must be a string, but is a number");
		assertThat(ex.fix()).isEqualTo("write the level in quotes, e.g. log_level = \"warn\"");
		assertThat(ex.getMessage()).isEqualTo("Invalid logging config file " + ex.file()
				+ " at line 2: log_level must be a string, but is a number");
	}

	@Test
	void filterLevelOfWrongTypeNamesItsLine() throws IOException {
		InvalidLoggingConfigFileException ex = failure("""
				log_level = "info"
				[log_filters]
				"a" = "debug"
				"com.example" = true
				""");
		assertThat(ex.line()).isEqualTo(4);
		assertThat(ex.problem()).isEqualTo("the level of 'com.example' in [log_filters] must be a string, but is a boolean");
		assertThat(ex.fix()).isEqualTo("write the level in quotes, e.g. \"com.example\" = \"debug\"");
	}

	@Test
	void multiLineValueOfWrongTypeNamesTheLineWhereItStarts() throws IOException {
		InvalidLoggingConfigFileException ex = failure("""
				[log_filters]
				"a" = "debug"
				"b" = [
				  "debug",
				  "info",
				]
				""");
		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.problem()).isEqualTo("the level of 'b' in [log_filters] must be a string, but is an array");
	}

	@Test
	void theLineOfAProblemDeepInALargeFileIsFound() throws IOException {
		StringBuilder text = new StringBuilder("log_level = \"info\"\n[log_filters]\n\"m\" = \"\"\"\ndebug\n\"\"\"\n");
		for (int i = 0; i < 50_000; i++) {
			text.append("\"com.example.t").append(i).append("\" = \"debug\"\n");
		}
		text.append("\"com.example.last\" = 7\n");
		InvalidLoggingConfigFileException ex = failure(text.toString());
		assertThat(ex.line()).isEqualTo(50_006);
		assertThat(ex.problem()).isEqualTo("the level of 'com.example.last' in [log_filters] must be a string, but is a number");
	}

	@Test
	void filtersThatAreNotATableNameTheirLine() throws IOException {
		InvalidLoggingConfigFileException ex = failure("log_level = \"info\"\nlog_filters = \"a=debug\"\n");
		assertThat(ex.line()).isEqualTo(2);
		assertThat(ex.problem())
			.isEqualTo("log_filters must be a table of \"target\" = \"level\" entries, but is a string");
		assertThat(ex.fix()).contains("[log_filters]");
	}

	@Test
	void badRootLevelNamesTheValueAndTheAcceptedLevels() throws IOException {
		InvalidLoggingConfigFileException ex = failure("log_level = \"verbose\"\n");
		assertThat(ex.line()).isEqualTo(1);
		assertThat(ex.problem()).isEqualTo("log_level is 'verbose', which is not a level");
		assertThat(ex.fix()).isEqualTo("write one of trace, debug, info, warn (or warning), error, off, "
				+ "or a digit 0 (off) to 5 (trace), e.g. log_level = \"warn\"");
	}

	@Test
	void badFilterLevelNamesTargetAndLine() throws IOException {
		InvalidLoggingConfigFileException ex = failure("""
				[log_filters]
				"a" = "debug"
				com.example = "loud"
				""");
		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.problem()).isEqualTo("the level of 'com.example' is 'loud', which is not a level");
	}

	@Test
	void invalidTargetNamesTheRule() throws IOException {
		InvalidLoggingConfigFileException ex = failure("""
				[log_filters]
				"com foo" = "debug"
				""");
		assertThat(ex.line()).isEqualTo(2);
		assertThat(ex.problem()).isEqualTo("'com foo' in [log_filters] is not a valid target: "
				+ "a target may only contain letters, digits, '.', '_', '$' and '-'");
		assertThat(failure("[log_filters]\n\"a::b\" = \"debug\"\n").problem()).contains("Rust");
	}

	@Test
	void inlineTableFiltersWork() throws IOException {
		assertThat(read("log_filters = { \"a.b\" = \"debug\", c = \"warn\" }\n").filter())
			.isEqualTo(LogFilter.parseStrict("a.b=debug,c=warn"));
	}

	@Test
	void notUtf8IsRejected() throws IOException {
		Path file = this.dir.resolve("latin1.toml");
		Files.write(file, "log_level = \"w\u00e4rn\"\n".getBytes(StandardCharsets.ISO_8859_1));
		InvalidLoggingConfigFileException ex = catchThrowableOfType(InvalidLoggingConfigFileException.class, () -> LoggingConfigFile.readIfExists(file));
		assertThat(ex.problem()).isEqualTo("it is not UTF-8 text");
		assertThat(ex.line()).isZero();
		assertThat(ex.getMessage()).isEqualTo("Invalid logging config file " + file + ": it is not UTF-8 text");
	}

	@Test
	void directoryCannotBeRead() {
		assertThatExceptionOfType(InvalidLoggingConfigFileException.class)
			.isThrownBy(() -> LoggingConfigFile.readIfExists(this.dir))
			.satisfies((ex) -> assertThat(ex.problem()).startsWith("it cannot be read ("))
			.satisfies((ex) -> assertThat(ex.fix()).isEqualTo("make it a regular file the service's user can read"));
	}

}
