package io.github.dynamologging.schema;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.dynamologging.schema.LogLines.VALID;
import static io.github.dynamologging.schema.LogLines.replacing;
import static io.github.dynamologging.schema.LogLines.without;
import static org.assertj.core.api.Assertions.assertThat;

class LogLineValidatorCommandTest {

	@TempDir
	Path directory;

	@Test
	void dynamoLinesPassWithExitCode0AndOnlyTheSummary() throws IOException {
		Path log = this.directory.resolve("dynamo.log");
		try (InputStream in = LogLines.dynamoVectors()) {
			Files.copy(in, log);
		}
		Run run = run(log.toString());
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.ALL_VALID);
		assertThat(run.out()).isEqualTo("7 lines: 7 valid, 0 invalid\n");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void printsOneLinePerProblemThenTheSummaryWithExitCode1() throws IOException {
		Path log = write("captured.log", VALID + "\n" + replacing("level", "\"info\"") + "\n" + VALID + "\n" + "[]\n");
		Run run = run(log.toString());
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.SOME_INVALID);
		assertThat(run.out().lines()).containsExactly(
				log + ":2: schema: /level: does not have a value in the enumeration "
						+ "[\"ERROR\", \"WARN\", \"INFO\", \"DEBUG\", \"TRACE\"] (schema #/properties/level/enum)",
				log + ":4: not-an-object: the line holds an array, not a JSON object", "4 lines: 2 valid, 2 invalid");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void quietPrintsOnlyTheSummary() throws IOException {
		Path log = write("captured.log", VALID + "\n{}\n");
		Run run = run("--quiet", log.toString());
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.SOME_INVALID);
		assertThat(run.out()).isEqualTo("2 lines: 1 valid, 1 invalid\n");
	}

	@Test
	void noCallerDataAcceptsLinesWithoutFileAndLine() throws IOException {
		Path log = write("no-caller-data.log", without("file", "line") + "\n" + VALID + "\n");
		Run strict = run(log.toString());
		assertThat(strict.exitCode()).isEqualTo(LogLineValidatorCommand.SOME_INVALID);
		assertThat(strict.out()).contains(log + ":1: schema: required property 'file' not found")
			.endsWith("2 lines: 1 valid, 1 invalid\n");
		Run lenient = run("--no-caller-data", log.toString());
		assertThat(lenient.exitCode()).isEqualTo(LogLineValidatorCommand.ALL_VALID);
		assertThat(lenient.out()).isEqualTo("2 lines: 2 valid, 0 invalid\n");
	}

	@Test
	void readsStandardInputForADash() {
		Run run = runWithStdin(VALID + "\n" + VALID + "garbage\n", "-");
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.SOME_INVALID);
		assertThat(run.out().lines()).containsExactly(
				"<stdin>:2: extra-content: after the object, from column " + (VALID.length() + 1) + ": \"garbage\"",
				"2 lines: 1 valid, 1 invalid");
	}

	@Test
	void addsUpTheLinesOfSeveralFiles() throws IOException {
		Path first = write("first.log", VALID + "\n" + VALID + "\n");
		Path second = write("second.log", VALID + "\n\n");
		Run run = run(first.toString(), second.toString());
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.SOME_INVALID);
		assertThat(run.out().lines()).containsExactly(second + ":2: empty-line: the line is empty",
				"4 lines: 3 valid, 1 invalid");
	}

	@Test
	void aMissingFileIsExitCode2WithAMessageNamingItAndTheOtherFilesAreStillChecked() throws IOException {
		Path valid = write("valid.log", VALID + "\n");
		Path missing = this.directory.resolve("missing.log");
		Run run = run(missing.toString(), valid.toString());
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.USAGE_OR_INPUT_ERROR);
		assertThat(run.err()).isEqualTo("validate-jsonl: cannot read " + missing + ": no such file\n");
		assertThat(run.out()).isEqualTo("1 lines: 1 valid, 0 invalid\n");
	}

	@Test
	void aDirectoryIsExitCode2WithAMessageNamingIt() {
		Run run = run(this.directory.toString());
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.USAGE_OR_INPUT_ERROR);
		assertThat(run.err()).startsWith("validate-jsonl: cannot read " + this.directory + ": ").doesNotContain("\tat ");
	}

	@Test
	void anUnknownOptionIsExitCode2WithTheUsage() {
		Run run = run("--strict", "x.log");
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.USAGE_OR_INPUT_ERROR);
		assertThat(run.err()).startsWith("validate-jsonl: unknown option '--strict'\nusage: validate-jsonl ");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void noInputIsExitCode2WithTheUsage() {
		Run run = run("--quiet");
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.USAGE_OR_INPUT_ERROR);
		assertThat(run.err()).startsWith("validate-jsonl: no input: name one or more JSONL files, or - for standard input\n"
				+ "usage: validate-jsonl ");
	}

	@Test
	void standardInputTwiceIsExitCode2() {
		Run run = run("-", "-");
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.USAGE_OR_INPUT_ERROR);
		assertThat(run.err()).startsWith("validate-jsonl: standard input (-) can be read only once\n");
	}

	@Test
	void helpPrintsTheUsageWithExitCode0() {
		Run run = run("--help");
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.ALL_VALID);
		assertThat(run.out()).isEqualTo(LogLineValidatorCommand.USAGE + "\n");
	}

	@Test
	void aFileNamedLikeAnOptionIsReadAfterDoubleDash() throws IOException {
		Path log = write("--quiet", "{}\n");
		Run run = run("--", log.toString());
		assertThat(run.exitCode()).isEqualTo(LogLineValidatorCommand.SOME_INVALID);
		assertThat(run.out()).endsWith("1 lines: 0 valid, 1 invalid\n");
	}

	@Test
	void mainReturnsNormallyWhenEveryLineIsValid() throws IOException {
		// Exit code 0 must not call System.exit, so that `mvn exec:java` ends the build its own way.
		Path log = write("valid.log", VALID + "\n");
		PrintStream systemOut = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			LogLineValidatorCommand.main(new String[] { "--quiet", log.toString() });
		}
		finally {
			System.setOut(systemOut);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1 lines: 1 valid, 0 invalid\n");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

	private static Run run(String... args) {
		return runWithStdin("", args);
	}

	private static Run runWithStdin(String stdin, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = LogLineValidatorCommand.run(args,
				new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {
	}

}
