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

	@ParameterizedTest(name = "{0} looks like {1}")
	@CsvSource({ "debgu, debug", "DEBGU, debug", "dbug, debug", "debugg, debug", "debag, debug", "tarce, trace",
			"trac, trace", "inf, info", "infoo, info", "nifo, info", "wran, warn", "warnn, warn", "wanring, warning",
			"warnig, warning", "eror, error", "errr, error", "erorr, error", "of, off", "offf, off", "ofg, off",
			"' debgu ', debug" })
	void wordOneEditFromALevelNameLooksLikeIt(String word, String level) {
		assertThat(FilterLevel.lookalike(word)).contains(level);
	}

	@ParameterizedTest
	@ValueSource(strings = { "debug", "WARNING", "off", "3", "dbeugg", "deb", "infos1", "span_event", "dynamo", "o",
			"", "com.example.debgu", "fatal", "verbose", "tracer2" })
	void levelsAndWordsFartherAwayLookLikeNoLevel(String word) {
		assertThat(FilterLevel.lookalike(word)).isEmpty();
	}

	@Test
	void oneEditMeansOneInsertionDeletionSubstitutionOrNeighbourSwap() {
		assertThat(FilterLevel.oneEditApart("abcd", "abdc")).isTrue();
		assertThat(FilterLevel.oneEditApart("abcd", "bacd")).isTrue();
		assertThat(FilterLevel.oneEditApart("abcd", "acbe")).isFalse();
		assertThat(FilterLevel.oneEditApart("abcd", "abcd")).isFalse();
		assertThat(FilterLevel.oneEditApart("abcd", "abcde")).isTrue();
		assertThat(FilterLevel.oneEditApart("abcd", "xabcd")).isTrue();
		assertThat(FilterLevel.oneEditApart("abcd", "ab")).isFalse();
		assertThat(FilterLevel.oneEditApart("abcd", "dcba")).isFalse();
	}

	@ParameterizedTest
	@EnumSource(FilterLevel.class)
	void filterNameIsLowerCaseAndReadsBack(FilterLevel level) {
		assertThat(level.filterName()).isEqualTo(level.name().toLowerCase(java.util.Locale.ROOT));
		assertThat(FilterLevel.parse(level.filterName())).contains(level);
	}

}
