package io.github.dynamologging.format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoReadableEncoderTest {

	private static final Pattern LINE = Pattern
		.compile("(?<time>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z) (?<level>[ A-Z]{5}) (?<rest>.*)");

	private final CapturingLogback logback = new CapturingLogback(new DynamoReadableEncoder());

	private final Logger log = this.logback.logger("com.example.Api");

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	private Matcher onlyLine() {
		List<String> lines = this.logback.lines();
		assertThat(lines).hasSize(1);
		Matcher matcher = LINE.matcher(lines.get(0));
		assertThat(matcher.matches()).as("line %s", lines.get(0)).isTrue();
		return matcher;
	}

	@Test
	void writesTimeRightAlignedLevelTargetAndMessage() {
		this.log.info("hello");
		Matcher line = onlyLine();
		assertThat(line.group("level")).isEqualTo(" INFO");
		assertThat(line.group("rest")).isEqualTo("com.example.Api: hello");
		assertThat(this.logback.text()).matches("\\S+Z  INFO com\\.example\\.Api: hello\n");
	}

	@Test
	void spanNameIsAPrefixAndFieldsFollowAsKeyValues() {
		MDC.put("span_name", "http-request");
		MDC.put("x_request_id", "abc");
		MDC.put("span_id", "f7e487a9d2a6bf38");
		this.log.atInfo().addKeyValue("count", 3).addKeyValue("ok", true).log("hello");
		assertThat(onlyLine().group("rest"))
			.isEqualTo("http-request: com.example.Api: hello count=3 ok=true x_request_id=\"abc\"");
	}

	@Test
	void valuesWithSpacesAndQuotesAreQuotedAndEscaped() {
		this.log.atWarn().addKeyValue("who", "a \"b\" \\c").log("x");
		Matcher line = onlyLine();
		assertThat(line.group("level")).isEqualTo(" WARN");
		assertThat(line.group("rest")).isEqualTo("com.example.Api: x who=\"a \\\"b\\\" \\\\c\"");
	}

	@Test
	void controlCharactersCannotForgeALineOrAColour() {
		this.log.atError()
			.addKeyValue("v", "a\nb\u001b[31m")
			.log("one\rtwo\u001b[2J\u2028three\u0085\u0000");
		Matcher line = onlyLine();
		assertThat(line.group("level")).isEqualTo("ERROR");
		assertThat(line.group("rest"))
			.isEqualTo("com.example.Api: one\\rtwo\\u001b[2J\\u2028three\\u0085\\u0000 v=\"a\\nb\\u001b[31m\"");
	}

	@Test
	void furtherLinesOfAMessageAreIndentedAndTheKeyValuesFollowTheLast() {
		this.log.atError()
			.addKeyValue("v", "x\ny")
			.log("\n\n***************************\nAPPLICATION FAILED TO START\r\n\nDescription:\n\u001b[31mred");
		assertThat(this.logback.lines()).containsExactly(this.logback.lines().get(0), "  ",
				"  ***************************", "  APPLICATION FAILED TO START\\r", "  ", "  Description:",
				"  \\u001b[31mred v=\"x\\ny\"");
		assertThat(this.logback.lines().get(0)).matches("\\S+Z ERROR com\\.example\\.Api: ");
	}

	@Test
	void exceptionsFollowOnIndentedLinesWithEscapedMessages() {
		this.log.error("failed", new IllegalStateException("bad\nnews\t", new RuntimeException("cause\r")));
		List<String> lines = this.logback.lines();
		assertThat(lines.get(0)).endsWith("ERROR com.example.Api: failed");
		assertThat(lines.get(1)).isEqualTo("  java.lang.IllegalStateException: bad");
		assertThat(lines.get(2)).isEqualTo("    news\\t");
		assertThat(lines.get(3)).startsWith("    at io.github.dynamologging.format.DynamoReadableEncoderTest");
		assertThat(lines).contains("  Caused by: java.lang.RuntimeException: cause\\r");
		assertThat(lines.subList(1, lines.size())).allMatch((further) -> further.startsWith("  "))
			.noneMatch((further) -> further.contains("\t"));
	}

	@Test
	void coloursWhenAsked() {
		DynamoReadableEncoder encoder = new DynamoReadableEncoder();
		encoder.setColour(true);
		CapturingLogback coloured = new CapturingLogback(encoder);
		coloured.logger("t").warn("w");
		assertThat(coloured.text()).matches("\u001b\\[2m\\S+Z\u001b\\[0m \u001b\\[33m WARN\u001b\\[0m \u001b\\[2mt\u001b\\[0m: w\n");
	}

	@Test
	void noColoursByDefault() {
		this.log.info("plain");
		assertThat(this.logback.text()).doesNotContain("\u001b");
	}

}
