package io.github.dynamologging.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.dynamologging.schema.LogLines.VALID;
import static io.github.dynamologging.schema.LogLines.concat;
import static io.github.dynamologging.schema.LogLines.line;
import static io.github.dynamologging.schema.LogLines.replacing;
import static io.github.dynamologging.schema.LogLines.utf8;
import static io.github.dynamologging.schema.LogLines.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LogLineValidatorTest {

	private final LogLineValidator strict = LogLineValidator.strict();

	@Test
	void everyLineDynamoWritesIsValid() throws IOException {
		ValidationReport report;
		try (InputStream in = LogLines.dynamoVectors()) {
			report = this.strict.validate(in);
		}
		assertThat(report.problems()).isEmpty();
		assertThat(report.summary()).isEqualTo(new ValidationSummary(7, 0));
		assertThat(LogLines.dynamoVectorLines()).hasSize(7)
			.allSatisfy((line) -> assertThat(this.strict.validateLine(line)).isEmpty());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2025-09-02T17:53:31.943377+02:00", "2025-09-02T10:23:31.943377-05:30",
			"2025-12-31T23:59:59.999999+00:00" })
	void acceptsLocalTimeWithAnOffset(String time) {
		assertThat(this.strict.validateLine(replacing("time", "\"" + time + "\""))).isEmpty();
	}

	@Test
	void acceptsSpanKeysExceptionsThreadNameAndAnyOtherKeyOfAnyType() {
		String line = line("\"a.bool\":true", "\"a.null\":null", "\"a.number\":1.5", "\"a.object\":{\"z\":1,\"a\":[1]}",
				"\"exception.message\":\"boom\"", "\"exception.stacktrace\":\"java.lang.IllegalStateException: boom\\n\\tat x\"",
				"\"exception.type\":\"java.lang.IllegalStateException\"", "\"fields.time\":\"user value\"",
				"\"parent_id\":\"6959a1b2d1ee41a5\"", "\"span_id\":\"f7e487a9d2a6bf38\"",
				"\"span_name\":\"http-request\"", "\"thread.name\":\"main\"", "\"time.busy_us\":0",
				"\"time.duration_us\":2121090", "\"time.idle_us\":2121090",
				"\"trace_id\":\"80196f3e3a6fdf06d23bb9ada3788518\"", "\"x_request_id\":\"8372eac7-5f43-4d76-beca-0a94cfb311d0\"");
		assertThat(this.strict.validateLine(line)).isEmpty();
	}

	@Test
	void acceptsKeysAndValuesLongerThanJacksonsDefaultLimits() {
		String hugeKey = "k".repeat(100 * 1024);
		assertThat(this.strict.validateLine(line("\"" + hugeKey + "\":\"" + "v".repeat(1024 * 1024) + "\""))).isEmpty();
	}

	@Test
	void ordersOtherKeysByUtf8BytesNotByUtf16Units() {
		// U+FF61 is EF BD A1 in UTF-8 and sorts before U+1F600 (F0 9F 98 80); in UTF-16 the
		// surrogate pair D83D DE00 of U+1F600 sorts first.
		assertThat(this.strict.validateLine(line("\"\uFF61\":1", "\"\uD83D\uDE00\":2"))).isEmpty();
		assertThat(LogLineValidator.compareUtf8("\uFF61", "\uD83D\uDE00")).isNegative();
		assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();
	}

	static Stream<Arguments> invalidLines() {
		return Stream.of(
				arguments("missing time", utf8(without("time")), LineRule.SCHEMA, "required property 'time' not found"),
				arguments("missing level", utf8(without("level")), LineRule.SCHEMA,
						"required property 'level' not found"),
				arguments("missing file", utf8(without("file")), LineRule.SCHEMA, "required property 'file' not found"),
				arguments("missing line", utf8(without("line")), LineRule.SCHEMA, "required property 'line' not found"),
				arguments("missing target", utf8(without("target")), LineRule.SCHEMA,
						"required property 'target' not found"),
				arguments("missing message", utf8(without("message")), LineRule.SCHEMA,
						"required property 'message' not found"),
				arguments("time with 3 fraction digits", utf8(replacing("time", "\"2025-09-02T15:53:31.943Z\"")),
						LineRule.SCHEMA, "/time: does not match the regex pattern"),
				arguments("time without zone", utf8(replacing("time", "\"2025-09-02T15:53:31.943377\"")),
						LineRule.SCHEMA, "/time: does not match the regex pattern"),
				arguments("time with a newline after the zone", utf8(replacing("time", "\"2025-09-02T15:53:31.943377Z\\n\"")),
						LineRule.SCHEMA, "/time: does not match the regex pattern"),
				arguments("lower-case level", utf8(replacing("level", "\"info\"")), LineRule.SCHEMA,
						"/level: does not have a value in the enumeration"),
				arguments("level WARNING", utf8(replacing("level", "\"WARNING\"")), LineRule.SCHEMA,
						"/level: does not have a value in the enumeration"),
				arguments("empty file", utf8(replacing("file", "\"\"")), LineRule.SCHEMA, "/file:"),
				arguments("line as string", utf8(replacing("line", "\"42\"")), LineRule.SCHEMA,
						"/line: string found, integer expected"),
				arguments("negative line", utf8(replacing("line", "-1")), LineRule.SCHEMA, "/line: must have a minimum"),
				arguments("message as number", utf8(replacing("message", "42")), LineRule.SCHEMA,
						"/message: integer found, string expected"),
				arguments("upper-case trace_id",
						utf8(line("\"span_id\":\"f7e487a9d2a6bf38\"", "\"trace_id\":\"80196F3E3A6FDF06D23BB9ADA3788518\"")),
						LineRule.SCHEMA, "/trace_id: does not match the regex pattern"),
				arguments("all-zero trace_id",
						utf8(line("\"span_id\":\"f7e487a9d2a6bf38\"", "\"trace_id\":\"00000000000000000000000000000000\"")),
						LineRule.SCHEMA, "/trace_id: must not be valid"),
				arguments("all-zero span_id",
						utf8(line("\"span_id\":\"0000000000000000\"", "\"trace_id\":\"80196f3e3a6fdf06d23bb9ada3788518\"")),
						LineRule.SCHEMA, "/span_id: must not be valid"),
				arguments("span_id of 15 digits",
						utf8(line("\"span_id\":\"f7e487a9d2a6bf3\"", "\"trace_id\":\"80196f3e3a6fdf06d23bb9ada3788518\"")),
						LineRule.SCHEMA, "/span_id: does not match the regex pattern"),
				arguments("parent_id without span_id", utf8(line("\"parent_id\":\"6959a1b2d1ee41a5\"")), LineRule.SCHEMA,
						"missing property 'span_id'"),
				arguments("span_id without trace_id", utf8(line("\"span_id\":\"f7e487a9d2a6bf38\"")), LineRule.SCHEMA,
						"missing property 'trace_id'"),
				arguments("span_name without span_id", utf8(line("\"span_name\":\"http-request\"")), LineRule.SCHEMA,
						"missing property 'span_id'"),
				arguments("x_request_id with a tab", utf8(line("\"x_request_id\":\"a\\tb\"")), LineRule.SCHEMA,
						"/x_request_id: does not match the regex pattern"),
				arguments("x_request_id ending in a newline", utf8(line("\"x_request_id\":\"abc\\n\"")), LineRule.SCHEMA,
						"/x_request_id: does not match the regex pattern"),
				arguments("x_request_id of 1025 characters", utf8(line("\"x_request_id\":\"" + "a".repeat(1025) + "\"")),
						LineRule.SCHEMA, "/x_request_id: does not match the regex pattern"),
				arguments("negative time.busy_us", utf8(line("\"time.busy_us\":-1")), LineRule.SCHEMA,
						"/time.busy_us: must have a minimum value of 0"),
				arguments("fractional time.idle_us", utf8(line("\"time.idle_us\":1.5")), LineRule.SCHEMA,
						"/time.idle_us: number found, integer expected"),
				arguments("thread.name as number", utf8(line("\"thread.name\":1")), LineRule.SCHEMA,
						"/thread.name: integer found, string expected"),
				arguments("duplicate key", utf8(line("\"method\":\"GET\"", "\"method\":\"POST\"")), LineRule.DUPLICATE_KEY,
						"key \"method\" appears more than once (at /method)"),
				arguments("duplicate leading key", utf8(VALID.replace("}", ",\"message\":\"again\"}")),
						LineRule.DUPLICATE_KEY, "key \"message\" appears more than once"),
				arguments("duplicate key in a nested object", utf8(line("\"payload\":{\"a\":1,\"a\":2}")),
						LineRule.DUPLICATE_KEY, "(at /payload/a)"),
				arguments("level before time", utf8(VALID.replaceFirst(
						"\"time\":(\"[^\"]*\"),\"level\":(\"[^\"]*\")", "\"level\":$2,\"time\":$1")),
						LineRule.LEADING_KEY_ORDER, "key 1 is \"level\" where \"time\" belongs"),
				arguments("another key before message", utf8(VALID.replace("\"message\"", "\"method\":\"GET\",\"message\"")),
						LineRule.LEADING_KEY_ORDER, "key 6 is \"method\" where \"message\" belongs"),
				arguments("other keys not sorted", utf8(line("\"uri\":\"/v1\"", "\"method\":\"GET\"")),
						LineRule.KEY_SORT_ORDER, "key \"method\" comes after \"uri\""),
				arguments("keys sorted by UTF-16 units, not UTF-8 bytes", utf8(line("\"\uD83D\uDE00\":1", "\"\uFF61\":2")),
						LineRule.KEY_SORT_ORDER, "key \"\uFF61\" comes after \"\uD83D\uDE00\""),
				arguments("trailing garbage", utf8(VALID + "garbage"), LineRule.EXTRA_CONTENT,
						"after the object, from column " + (VALID.length() + 1) + ": \"garbage\""),
				arguments("two objects on a line", utf8(VALID + VALID), LineRule.EXTRA_CONTENT, "after the object"),
				arguments("carriage return before the newline", utf8(VALID + "\r"), LineRule.EXTRA_CONTENT, "\"\\r\""),
				arguments("blank before the object", utf8(" " + VALID), LineRule.EXTRA_CONTENT, "before the object"),
				arguments("array", utf8("[" + VALID + "]"), LineRule.NOT_AN_OBJECT, "an array, not a JSON object"),
				arguments("string", utf8("\"hello\""), LineRule.NOT_AN_OBJECT, "a string, not a JSON object"),
				arguments("number", utf8("42"), LineRule.NOT_AN_OBJECT, "a number, not a JSON object"),
				arguments("null", utf8("null"), LineRule.NOT_AN_OBJECT, "null, not a JSON object"),
				arguments("truncated object", utf8(VALID.substring(0, 40)), LineRule.INVALID_JSON, "end-of-input"),
				arguments("plain text", utf8("2025-09-02T15:50:01.770028Z  INFO com.example.Api: hello"),
						LineRule.INVALID_JSON, "column 5: Unexpected character ('-'"),
				arguments("raw tab in a string", utf8(replacing("message", "\"a\tb\"")), LineRule.INVALID_JSON,
						"column 165: Illegal unquoted character ((CTRL-CHAR, code 9))"),
				arguments("invalid UTF-8 bytes", concat(utf8(VALID.substring(0, 10)), new byte[] { (byte) 0xC3, 0x28 },
						utf8(VALID.substring(10))), LineRule.INVALID_UTF8, "byte 11 starts an invalid UTF-8 sequence (0xC3)"),
				arguments("UTF-8 encoded surrogate", concat(utf8(replacing("message", "\"")),
						new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, utf8("\"}")), LineRule.INVALID_UTF8, "0xED"),
				arguments("raw U+2028", utf8(replacing("message", "\"a\u2028b\"")), LineRule.UNESCAPED_LINE_SEPARATOR,
						"raw U+2028"),
				arguments("raw U+0085", utf8(replacing("message", "\"a\u0085b\"")), LineRule.UNESCAPED_LINE_SEPARATOR,
						"raw U+0085"),
				arguments("lone surrogate escape", utf8(replacing("message", "\"a\\ud800b\"")), LineRule.LONE_SURROGATE,
						"the string at /message holds a lone surrogate U+D800"),
				arguments("empty line", new byte[0], LineRule.EMPTY_LINE, "the line is empty"),
				arguments("blank line", utf8("   "), LineRule.EMPTY_LINE, "only whitespace"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidLines")
	void rejectsALineThatBreaksOneRuleNamingThatRule(String name, byte[] line, LineRule rule, String detail)
			throws IOException {
		ValidationReport report = this.strict.validate(new ByteArrayInputStream(concat(line, utf8("\n"))));
		assertThat(report.summary()).isEqualTo(new ValidationSummary(1, 1));
		assertThat(report.problems()).isNotEmpty().allSatisfy((problem) -> {
			assertThat(problem.lineNumber()).isEqualTo(1);
			assertThat(problem.rule()).isEqualTo(rule);
		});
		assertThat(report.problems()).anySatisfy((problem) -> assertThat(problem.detail()).contains(detail));
	}

	@Test
	void schemaProblemsNameTheSchemaKeywordBroken() {
		assertThat(this.strict.validateLine(replacing("level", "\"info\""))).singleElement()
			.hasToString("1: schema: /level: does not have a value in the enumeration "
					+ "[\"ERROR\", \"WARN\", \"INFO\", \"DEBUG\", \"TRACE\"] (schema #/properties/level/enum)");
	}

	@Test
	void reportsEveryRuleALineBreaks() {
		String line = "{\"level\":\"info\",\"time\":\"2025-09-02T15:53:31.943377Z\",\"file\":\"F.java\",\"line\":1,"
				+ "\"target\":\"t\",\"message\":\"m\",\"b\":1,\"a\":2,\"b\":3}";
		assertThat(this.strict.validateLine(line)).extracting(LineProblem::rule)
			.containsExactly(LineRule.DUPLICATE_KEY, LineRule.LEADING_KEY_ORDER, LineRule.KEY_SORT_ORDER,
					LineRule.SCHEMA);
	}

	@Test
	void numbersProblemsByLineAndCountsInvalidLinesOnce() throws IOException {
		String log = VALID + "\n" + replacing("level", "\"info\"").replace("\"time\"", "\"zzz\":1,\"time\"") + "\n"
				+ VALID + "\n" + "[]\n";
		ValidationReport report = this.strict.validate(new ByteArrayInputStream(utf8(log)));
		assertThat(report.summary()).isEqualTo(new ValidationSummary(4, 2));
		assertThat(report.summary()).hasToString("4 lines: 2 valid, 2 invalid");
		assertThat(report.problemsOfLine(1)).isEmpty();
		assertThat(report.problemsOfLine(2)).extracting(LineProblem::rule)
			.containsExactly(LineRule.LEADING_KEY_ORDER, LineRule.SCHEMA);
		assertThat(report.problemsOfLine(4)).extracting(LineProblem::rule).containsExactly(LineRule.NOT_AN_OBJECT);
		assertThat(report.allValid()).isFalse();
	}

	@Test
	void aLastLineWithoutNewlineIsCheckedAndFlagged() throws IOException {
		ValidationReport report = this.strict.validate(new ByteArrayInputStream(utf8(VALID + "\n" + VALID)));
		assertThat(report.summary()).isEqualTo(new ValidationSummary(2, 1));
		assertThat(report.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.lineNumber()).isEqualTo(2);
			assertThat(problem.rule()).isEqualTo(LineRule.MISSING_NEWLINE);
		});
	}

	@Test
	void anEmptyLogHasNoLines() throws IOException {
		ValidationReport report = this.strict.validate(new ByteArrayInputStream(new byte[0]));
		assertThat(report.summary()).hasToString("0 lines: 0 valid, 0 invalid");
		assertThat(report.allValid()).isTrue();
	}

	@Test
	void readsLinesLongerThanItsReadBuffer() throws IOException {
		String longLine = replacing("message", "\"" + "x".repeat(200_000) + "\"");
		String log = VALID + "\n" + longLine + "\n" + longLine.replace("INFO", "info") + "\n";
		ValidationReport report = this.strict.validate(new ByteArrayInputStream(utf8(log)));
		assertThat(report.summary()).isEqualTo(new ValidationSummary(3, 1));
		assertThat(report.problems()).singleElement().extracting(LineProblem::lineNumber).isEqualTo(3L);
	}

	@Test
	void validatesAFile(@TempDir Path directory) throws IOException {
		Path log = Files.writeString(directory.resolve("captured.log"), VALID + "\n" + without("message") + "\n");
		ValidationReport report = this.strict.validate(log);
		assertThat(report.summary()).isEqualTo(new ValidationSummary(2, 1));
		assertThat(report).hasToString(
				"2: schema: required property 'message' not found (schema #/required)\n2 lines: 1 valid, 1 invalid");
	}

	@Test
	void streamsProblemsAsTheyAreFound() throws IOException {
		List<LineProblem> seen = new ArrayList<>();
		ValidationSummary summary = this.strict.validate(new ByteArrayInputStream(utf8("{}\n" + VALID + "\n")),
				seen::add);
		assertThat(summary).isEqualTo(new ValidationSummary(2, 1));
		assertThat(seen).hasSize(6).allSatisfy((problem) -> assertThat(problem.lineNumber()).isEqualTo(1));
	}

	@Test
	void callerDataIsRequiredUnlessSwitchedOff() {
		String withoutCallerData = without("file", "line");
		assertThat(this.strict.validateLine(withoutCallerData)).extracting(LineProblem::detail)
			.containsExactly("required property 'file' not found (schema #/required)",
					"required property 'line' not found (schema #/required)");
		LogLineValidator callerDataOptional = LogLineValidator.callerDataOptional();
		assertThat(callerDataOptional.validateLine(withoutCallerData)).isEmpty();
		assertThat(callerDataOptional.validateLine(VALID)).isEmpty();
		assertThat(callerDataOptional.validateLine(without("time"))).extracting(LineProblem::detail)
			.containsExactly("required property 'time' not found (schema #/required)");
	}

	@Test
	void withoutCallerDataFileAndLineStillComeTogether() {
		LogLineValidator callerDataOptional = LogLineValidator.callerDataOptional();
		assertThat(callerDataOptional.validateLine(without("line"))).extracting(LineProblem::detail)
			.containsExactly("has a missing property 'line' which is dependent required because 'file' is present"
					+ " (schema #/dependentRequired)");
		assertThat(callerDataOptional.validateLine(without("file"))).extracting(LineProblem::rule)
			.containsExactly(LineRule.SCHEMA);
	}

	@Test
	void withoutCallerDataTheOtherLeadingKeysKeepTheirOrder() {
		LogLineValidator callerDataOptional = LogLineValidator.callerDataOptional();
		String reordered = "{\"time\":\"2025-09-02T15:53:31.943377Z\",\"level\":\"INFO\",\"message\":\"m\",\"target\":\"t\"}";
		assertThat(callerDataOptional.validateLine(reordered)).singleElement()
			.satisfies((problem) -> assertThat(problem.rule()).isEqualTo(LineRule.LEADING_KEY_ORDER));
	}

}
