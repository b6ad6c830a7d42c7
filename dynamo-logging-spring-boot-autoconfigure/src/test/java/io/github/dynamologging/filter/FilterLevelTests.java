package io.github.dynamologging.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FilterLevelTests {

	@ParameterizedTest
	@CsvSource({ "off, OFF", "OFF, OFF", "error, ERROR", "Error, ERROR", "warn, WARN", "WARN, WARN",
			"warning, WARN", "WARNING, WARN", "info, INFO", "Info, INFO", "debug, DEBUG", "DEBUG, DEBUG",
			"trace, TRACE", "TrAcE, TRACE", "0, OFF", "1, ERROR", "2, WARN", "3, INFO", "4, DEBUG", "5, TRACE" })
	void readsNamesInAnyCaseAndDigits(String text, FilterLevel expected) {
		assertThat(FilterLevel.parse(text)).contains(expected);
	}

	@Test
	void ignoresBlanksAround() {
		assertThat(FilterLevel.parse("  debug\t")).contains(FilterLevel.DEBUG);
		assertThat(FilterLevel.parse(" 2 ")).contains(FilterLevel.WARN);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "6", "7", "-1", "03", "verbose", "fatal", "warnn", "in fo", "critical" })
	void rejectsEverythingElse(String text) {
		assertThat(FilterLevel.parse(text)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(FilterLevel.class)
	void filterNameIsLowerCaseAndReadsBack(FilterLevel level) {
		assertThat(level.filterName()).isEqualTo(level.name().toLowerCase(java.util.Locale.ROOT));
		assertThat(FilterLevel.parse(level.filterName())).contains(level);
	}

}
