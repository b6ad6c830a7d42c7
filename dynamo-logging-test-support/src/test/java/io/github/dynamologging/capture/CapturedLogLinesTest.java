package io.github.dynamologging.capture;

import java.nio.charset.StandardCharsets;

import io.github.dynamologging.schema.LogLineValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.capture.TestLines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CapturedLogLinesTest {

	private final CapturedLogLines dynamo = CapturedLogLines.parse(TestLines.dynamoVectors());

	@Test
	void readsRealDynamoOutputLineByLine() {
		assertThat(this.dynamo.size()).isEqualTo(7);
		assertThat(this.dynamo.assertAllValid()).isSameAs(this.dynamo);
		assertThat(this.dynamo.assertLineCount(7)).isSameAs(this.dynamo);
		assertThat(this.dynamo.messages()).containsExactly("Registering new TcpStream on 10.0.4.65:41959",
				"Prefill succeeded, using disaggregated params for decode",
				"Prefill succeeded, using disaggregated params for decode", "SPAN_CLOSED", "SPAN_CLOSED", "SPAN_CLOSED",
				"SPAN_CLOSED");
		assertThat(this.dynamo.text()).isEqualTo(new String(TestLines.dynamoVectors(), StandardCharsets.UTF_8));
		assertThat(this.dynamo.asList()).hasSize(7).allSatisfy((line) -> assertThat(line.isObject()).isTrue());
	}

	@Test
	void findsTheOneLineWithAMessage() {
		JsonNode line = this.dynamo.withMessage("Registering new TcpStream on 10.0.4.65:41959");
		assertThat(line.get("line").asInt()).isEqualTo(230);
		assertThat(this.dynamo.allWithMessage("SPAN_CLOSED")).hasSize(4);
		assertThat(this.dynamo.allWithMessage("no such message")).isEmpty();
	}

	@Test
	void aMessageOnNoLineOrOnSeveralFailsListingTheMessages() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.dynamo.withMessage("SPAN_CLOSED"))
			.withMessage("expected one captured line with message \"SPAN_CLOSED\", found 4; the messages of the 7 "
					+ "captured lines: [\"Registering new TcpStream on 10.0.4.65:41959\", \"Prefill succeeded, using "
					+ "disaggregated params for decode\", \"Prefill succeeded, using disaggregated params for decode\", "
					+ "\"SPAN_CLOSED\", \"SPAN_CLOSED\", \"SPAN_CLOSED\", \"SPAN_CLOSED\"]");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.dynamo.withMessage("hello"))
			.withMessageStartingWith("expected one captured line with message \"hello\", found 0; ");
	}

	@Test
	void findsLinesByFieldValueAsText() {
		assertThat(this.dynamo.withField("span_id", "6959a1b2d1ee41a5").get("line").asInt()).isEqualTo(248);
		assertThat(this.dynamo.allWithField("x_request_id", "8372eac7-5f43-4d76-beca-0a94cfb311d0")).hasSize(4);
		// A number matches its text.
		assertThat(this.dynamo.allWithField("line", "232")).hasSize(2);
		assertThat(this.dynamo.allWithField("no_such_key", "x")).isEmpty();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.dynamo.withField("trace_id", "425ef761ca5b44c795b4c912f1d84b39"))
			.withMessageStartingWith("expected one captured line with \"trace_id\" = "
					+ "\"425ef761ca5b44c795b4c912f1d84b39\", found 2; ");
	}

	@Test
	void aWrongLineCountFails() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.dynamo.assertLineCount(8))
			.withMessageStartingWith("expected 8 captured lines, got 7; the messages of the 7 captured lines: [");
	}

	@Test
	void anInvalidLineFailsNamingTheLineTheRuleAndTheText() {
		String badLevel = line("hello").replace("\"INFO\"", "\"info\"");
		String unsorted = line("hello", "\"b\":1", "\"a\":2");
		CapturedLogLines lines = CapturedLogLines.parse(line("fine") + "\n" + badLevel + "\n" + unsorted + "\n");
		assertThat(lines.size()).as("each line is still JSON").isEqualTo(3);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lines::assertAllValid)
			.withMessage("2 of 3 captured lines break the JSONL rules (docs/output.md):\n"
					+ "  line 2: schema: /level: does not have a value in the enumeration "
					+ "[\"ERROR\", \"WARN\", \"INFO\", \"DEBUG\", \"TRACE\"] (schema #/properties/level/enum)\n"
					+ "    " + badLevel + "\n"
					+ "  line 3: key-sort-order: key \"a\" comes after \"b\" but sorts before it in UTF-8 byte order\n"
					+ "    " + unsorted);
	}

	@Test
	void linesWithoutCallerDataPassOnlyWithTheCallerDataOptionalValidator() {
		String withoutCaller = line("no caller").replace("\"file\":\"com/example/Greeter.java\",\"line\":7,", "");
		byte[] bytes = (withoutCaller + "\n").getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CapturedLogLines.parse(bytes).assertAllValid())
			.withMessageContaining("line 1: schema:");
		CapturedLogLines lines = CapturedLogLines.parse(bytes, LogLineValidator.callerDataOptional());
		assertThat(lines.assertAllValid().withMessage("no caller").has("file")).isFalse();
	}

	@Test
	void aLineThatIsNotJsonFailsAtOnceWithItsNumber() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CapturedLogLines.parse(line("one") + "\nStarting the app...\n"))
			.withMessageStartingWith("captured line 2 is not JSON (")
			.withMessageEndingWith("): Starting the app...");
	}

	@Test
	void aKeyTwiceIsNotJson() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CapturedLogLines.parse(line("twice", "\"a\":1", "\"a\":2") + "\n"))
			.withMessageStartingWith("captured line 1 is not JSON (Duplicate Object property \"a\"");
	}

	@Test
	void twoObjectsOnOneLineAreNotOneLine() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CapturedLogLines.parse(line("one") + line("two") + "\n"))
			.withMessageStartingWith("captured line 1 is not JSON (");
	}

	@Test
	void aLineThatIsNotAnObjectOrIsEmptyFails() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> CapturedLogLines.parse("[1,2]\n"))
			.withMessage("captured line 1 is not a JSON object: [1,2]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CapturedLogLines.parse(line("one") + "\n\n" + line("two") + "\n"))
			.withMessage("captured line 2 is empty");
	}

	@Test
	void aCutOffLastLineFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CapturedLogLines.parse(line("one") + "\n{\"time\":\"2026-"))
			.withMessage("the captured output does not end with \\n: its last line is cut off or was still being "
					+ "written ({\"time\":\"2026-)");
	}

	@Test
	void noOutputIsNoLines() {
		CapturedLogLines lines = CapturedLogLines.parse("");
		assertThat(lines.isEmpty()).isTrue();
		assertThat(lines.assertAllValid().assertLineCount(0).messages()).isEmpty();
	}

	@Test
	void aHugeLineIsShortenedInMessages() {
		String huge = "x".repeat(10_000);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> CapturedLogLines.parse(huge + "\n"))
			.withMessageEndingWith("x...(10000 chars)")
			.satisfies((error) -> assertThat(error.getMessage()).hasSizeLessThan(1000));
	}

}
