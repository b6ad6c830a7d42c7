package io.github.dynamologging.config;

import java.util.ArrayList;
import java.util.List;

import io.github.dynamologging.config.internal.TruthyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TruthyValueTests {

	private final List<String> warnings = new ArrayList<>();

	@ParameterizedTest
	@ValueSource(strings = { "1", "true", "TRUE", "True", "on", "ON", "yes", "Yes", " 1 ", "\ttrue\n", " yes" })
	void truthyValues(String value) {
		assertThat(TruthyValue.parse("DYN_X", value, this.warnings::add)).isTrue();
		assertThat(this.warnings).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "false", "FALSE", "off", "Off", "no", "NO", "", "  ", " 0 " })
	void falsyValues(String value) {
		assertThat(TruthyValue.parse("DYN_X", value, this.warnings::add)).isFalse();
		assertThat(this.warnings).isEmpty();
	}

	@Test
	void nullIsFalseWithoutWarning() {
		assertThat(TruthyValue.parse("DYN_X", null, this.warnings::add)).isFalse();
		assertThat(this.warnings).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "maybe", "2", "y", "t", "enabled", "-1", "1.0", "truee" })
	void anythingElseIsFalseWithOneWarningNamingVariableAndValue(String value) {
		assertThat(TruthyValue.parse("DYN_LOGGING_JSONL", value, this.warnings::add)).isFalse();
		assertThat(this.warnings).containsExactly("DYN_LOGGING_JSONL='" + value + "' is not a boolean; "
				+ "expected one of 1, true, on, yes, 0, false, off, no; using false");
	}

}
