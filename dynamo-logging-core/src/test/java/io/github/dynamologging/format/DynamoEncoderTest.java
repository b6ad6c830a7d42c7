package io.github.dynamologging.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The encoder whose format a setting chooses, as a user's Logback configuration feeds it. */
class DynamoEncoderTest {

	private static CapturingLogback logged(DynamoEncoder encoder) {
		CapturingLogback logback = new CapturingLogback(encoder);
		logback.logger("com.example.Api").info("hello");
		return logback;
	}

	@Test
	void jsonlInAnyCaseWritesDynamosJsonLines() {
		DynamoEncoder encoder = new DynamoEncoder();
		encoder.setFormat(" JSONL ");
		encoder.setLocalTime(true);
		encoder.setCallerData(false);
		CapturingLogback logback = logged(encoder);
		assertThat(encoder.getFormat()).isEqualTo("jsonl");
		assertThat(logback.onlyJsonLine().get("message").stringValue()).isEqualTo("hello");
		assertThat(logback.onlyJsonLine().get("time").stringValue()).matches(".*[+-]\\d{2}:\\d{2}");
		assertThat(logback.onlyJsonLine().has("file")).isFalse();
	}

	@Test
	void readableIsTheDefault() {
		DynamoEncoder encoder = new DynamoEncoder();
		CapturingLogback logback = logged(encoder);
		assertThat(encoder.getFormat()).isEqualTo("readable");
		assertThat(logback.text()).matches("\\S+Z  INFO com\\.example\\.Api: hello\n");
	}

	@Test
	void anUnknownFormatWritesReadableLinesAndSaysSoInLogbacksStatus() {
		DynamoEncoder encoder = new DynamoEncoder();
		encoder.setFormat("xml");
		CapturingLogback logback = logged(encoder);
		assertThat(encoder.getFormat()).isEqualTo("readable");
		assertThat(logback.text()).endsWith(" INFO com.example.Api: hello\n");
		assertThat(encoder.getStatusManager().getCopyOfStatusList())
			.anyMatch((status) -> status.getMessage().equals("format 'xml' is neither jsonl nor readable; writing readable lines"));
	}

}
