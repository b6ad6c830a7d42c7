package io.github.dynamologging.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.dynamologging.filter.FilterLevel.DEBUG;
import static io.github.dynamologging.filter.FilterLevel.ERROR;
import static io.github.dynamologging.filter.FilterLevel.INFO;
import static io.github.dynamologging.filter.FilterLevel.OFF;
import static io.github.dynamologging.filter.FilterLevel.TRACE;
import static io.github.dynamologging.filter.FilterLevel.WARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class LogFilterTests {

	private static final String TARGET_RULE = "a target may only contain letters, digits, '.', '_', '$' and '-'";

	@Nested
	class ValidDirectives {

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { " ", ",", " , ,, ", "\t" })
		void blankOrOnlyCommasIsTheEmptyFilter(String text) {
			LogFilter filter = LogFilter.parseStrict(text);
			assertThat(filter.isEmpty()).isTrue();
			assertThat(filter.rootLevel()).isEmpty();
			assertThat(filter.targetLevels()).isEmpty();
			assertThat(filter).isEqualTo(LogFilter.empty());
			assertThat(filter.toFilterString()).isEmpty();
		}

		@Test
		void bareLevelIsTheRootLevel() {
			LogFilter filter = LogFilter.parseStrict("warn");
			assertThat(filter.rootLevel()).contains(WARN);
			assertThat(filter.targetLevels()).isEmpty();
			assertThat(filter.isEmpty()).isFalse();
		}

		@Test
		void bareDigitIsTheRootLevel() {
			assertThat(LogFilter.parseStrict("4").rootLevel()).contains(DEBUG);
			assertThat(LogFilter.parseStrict("0").rootLevel()).contains(OFF);
		}

		@Test
		void targetEqualsLevel() {
			LogFilter filter = LogFilter.parseStrict("com.example.api=debug");
			assertThat(filter.rootLevel()).isEmpty();
			assertThat(filter.targetLevels()).containsExactly(entry("com.example.api", DEBUG));
		}

		@Test
		void targetColonLevelIsASynonym() {
			assertThat(LogFilter.parseStrict("com.example.api:debug"))
				.isEqualTo(LogFilter.parseStrict("com.example.api=debug"));
		}

		@Test
		void targetAloneMeansTrace() {
			assertThat(LogFilter.parseStrict("com.example").targetLevels()).containsExactly(entry("com.example", TRACE));
		}

		@Test
		void wordThatIsNotALevelIsATarget() {
			assertThat(LogFilter.parseStrict("warnx").targetLevels()).containsExactly(entry("warnx", TRACE));
		}

		@Test
		void levelOfATargetMayBeADigitOrAnyCase() {
			assertThat(LogFilter.parseStrict("a=5,b=WARNING,c=Error").targetLevels())
				.containsExactly(entry("a", TRACE), entry("b", WARN), entry("c", ERROR));
		}

		@Test
		void blanksAroundCommasAndSeparatorsAreIgnored() {
			LogFilter filter = LogFilter.parseStrict("  info ,  com.a =  debug ,\tcom.b :  error  ");
			assertThat(filter.rootLevel()).contains(INFO);
			assertThat(filter.targetLevels()).containsExactly(entry("com.a", DEBUG), entry("com.b", ERROR));
		}

		@Test
		void emptyDirectivesAreSkipped() {
			assertThat(LogFilter.parseStrict(",,info,, ,com.a=debug,")).isEqualTo(LogFilter.parseStrict("info,com.a=debug"));
		}

		@Test
		void targetsKeepTheOrderTheyWereWritten() {
			assertThat(LogFilter.parseStrict("z=info,a=debug,m=warn").targetLevels().keySet()).containsExactly("z", "a",
					"m");
		}

		@Test
		void repeatedTargetTakesTheLastLevel() {
			LogFilter filter = LogFilter.parseStrict("com.a=debug,com.b=info,com.a=error");
			assertThat(filter.targetLevels()).containsExactly(entry("com.a", ERROR), entry("com.b", INFO));
		}

		@Test
		void repeatedRootLevelTakesTheLast() {
			assertThat(LogFilter.parseStrict("debug,com.a=info,warn").rootLevel()).contains(WARN);
		}

		@Test
		void targetCharactersAreLettersDigitsDotUnderscoreDollarDash() {
			String target = "com.Example_01.Outer$Inner-x";
			assertThat(LogFilter.parseStrict(target + "=debug").targetLevels()).containsExactly(entry(target, DEBUG));
		}

		@Test
		void targetsAreCaseSensitiveLikeLoggerNames() {
			assertThat(LogFilter.parseStrict("com.Foo=debug,com.foo=error").targetLevels())
				.containsExactly(entry("com.Foo", DEBUG), entry("com.foo", ERROR));
		}

		@Test
		void targetNamedRootSetsTheRootLevel() {
			assertThat(LogFilter.parseStrict("ROOT=debug")).isEqualTo(LogFilter.parseStrict("debug"));
			assertThat(LogFilter.parseStrict("info,root:error").rootLevel()).contains(ERROR);
		}

		@Test
		void splitsOnTheFirstEqualsWhenThereIsOneElseOnTheFirstColon() {
			// With '=' present, ':' belongs to the target and breaks the target rule.
			assertThat(LogFilter.parse("a:b=debug").problems()).singleElement()
				.isEqualTo(new FilterProblem("a:b=debug", TARGET_RULE));
			assertThat(LogFilter.parseStrict("a:debug").targetLevels()).containsExactly(entry("a", DEBUG));
		}

	}

	@Nested
	class LevelLookalikes {

		@Test
		void bareWordOneEditFromALevelStillMeansTheTargetAtTraceAndDrawsAWarning() {
			FilterParseResult result = LogFilter.parse("warn, debgu ,com.example=debug,infoo");
			assertThat(result.filter().rootLevel()).contains(WARN);
			assertThat(result.filter().targetLevels()).containsEntry("debgu", TRACE).containsEntry("infoo", TRACE);
			assertThat(result.hasProblems()).isFalse();
			assertThat(result.warnings()).containsExactly(new FilterWarning("debgu", "debug"),
					new FilterWarning("infoo", "info"));
			assertThat(result.warnings().get(0).message()).isEqualTo("'debgu' is not a level, so it sets the logger "
					+ "'debgu' to trace; did you mean the level 'debug'? Write debgu=trace to keep the logger and "
					+ "silence this warning");
			assertThat(result.warnings().get(0).describe("DYN_LOG")).isEqualTo("Directive 'debgu' in DYN_LOG is not a "
					+ "level, so it sets the logger 'debgu' to trace; did you mean the level 'debug'? Write "
					+ "debgu=trace to keep the logger and silence this warning");
			assertThat(LogFilter.parseStrict("debgu").targetLevels()).as("the grammar is unchanged")
				.containsExactly(entry("debgu", TRACE));
		}

		@ParameterizedTest
		@ValueSource(strings = { "debgu=trace", "debgu:trace", "debug", "com.debgu", "span_event", "dynamo=off" })
		void explicitTargetsLevelsAndDottedNamesDrawNoWarning(String filter) {
			assertThat(LogFilter.levelLookalikes(filter)).isEmpty();
			assertThat(LogFilter.parse(filter).warnings()).isEmpty();
		}

		@ParameterizedTest
		@NullAndEmptySource
		void noFilterNoWarning(String filter) {
			assertThat(LogFilter.levelLookalikes(filter)).isEmpty();
		}

	}

	@Nested
	class InvalidDirectives {

		@ParameterizedTest(name = "[{index}] {0}")
		@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
				"com foo=debug | com foo=debug | " + TARGET_RULE,
				"com foo | com foo | " + TARGET_RULE,
				"com/foo=debug | com/foo=debug | " + TARGET_RULE,
				"a::b | a::b | '::' module paths are Rust targets; write a Java logger name such as com.example.api",
				"a::b=debug | a::b=debug | '::' module paths are Rust targets; write a Java logger name such as com.example.api",
				"x[span{f=1}]=debug | x[span{f=1}]=debug | span and field filters (TARGET[span{field=value}]) are not supported; write TARGET=LEVEL",
				"[span]=info | [span]=info | span and field filters (TARGET[span{field=value}]) are not supported; write TARGET=LEVEL",
				"x{f}=info | x{f}=info | span and field filters (TARGET[span{field=value}]) are not supported; write TARGET=LEVEL",
				"=debug | =debug | the target before '=' is empty; write TARGET=LEVEL, or LEVEL alone for the root level",
				" :debug | :debug | the target before ':' is empty; write TARGET:LEVEL, or LEVEL alone for the root level",
				"foo= | foo= | the level after '=' is empty; expected " + FilterLevel.ACCEPTED_SPELLINGS,
				"foo: | foo: | the level after ':' is empty; expected " + FilterLevel.ACCEPTED_SPELLINGS,
				"foo=verbose | foo=verbose | 'verbose' is not a level; expected " + FilterLevel.ACCEPTED_SPELLINGS,
				"foo=7 | foo=7 | '7' is not a level; expected " + FilterLevel.ACCEPTED_SPELLINGS,
				"7 | 7 | '7' is not a level; expected " + FilterLevel.ACCEPTED_SPELLINGS,
				"42 | 42 | '42' is not a level; expected " + FilterLevel.ACCEPTED_SPELLINGS,
				"foo=debug=x | foo=debug=x | a directive has at most one '=': TARGET=LEVEL",
				"foo==debug | foo==debug | a directive has at most one '=': TARGET=LEVEL",
				"foo:debug:x | foo:debug:x | a directive has at most one ':': TARGET:LEVEL",
				"= | = | the target before '=' is empty; write TARGET=LEVEL, or LEVEL alone for the root level" })
		void isRejectedWithTheRuleItBreaks(String text, String directive, String reason) {
			FilterParseResult result = LogFilter.parse(text);
			assertThat(result.filter().isEmpty()).isTrue();
			assertThat(result.problems()).containsExactly(new FilterProblem(directive, reason));
			assertThatExceptionOfType(InvalidFilterException.class).isThrownBy(() -> LogFilter.parseStrict(text))
				.withMessage("Invalid directive '" + directive + "': " + reason)
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(new FilterProblem(directive, reason)));
		}

		@Test
		void lenientParseKeepsTheValidDirectivesAndReportsEachInvalidOneInOrder() {
			FilterParseResult result = LogFilter.parse("warn, com foo=debug, com.ok=debug, bar=loud, net.x");
			assertThat(result.hasProblems()).isTrue();
			assertThat(result.filter()).isEqualTo(LogFilter.parseStrict("warn,com.ok=debug,net.x=trace"));
			assertThat(result.problems()).extracting(FilterProblem::directive).containsExactly("com foo=debug", "bar=loud");
		}

		@Test
		void strictParseStopsAtTheFirstInvalidDirective() {
			assertThatExceptionOfType(InvalidFilterException.class)
				.isThrownBy(() -> LogFilter.parseStrict("info,a=loud,b c=debug"))
				.withMessageStartingWith("Invalid directive 'a=loud': ")
				.isInstanceOf(IllegalArgumentException.class);
		}

		@Test
		void validFilterHasNoProblems() {
			FilterParseResult result = LogFilter.parse("info,a=debug");
			assertThat(result.hasProblems()).isFalse();
			assertThat(result.problems()).isEmpty();
		}

		@Test
		void problemDescribesItselfForAStartupWarning() {
			FilterProblem problem = LogFilter.parse("com foo=debug").problems().get(0);
			assertThat(problem.describe("DYN_LOG")).isEqualTo("Ignoring directive 'com foo=debug' in DYN_LOG: "
					+ "a target may only contain letters, digits, '.', '_', '$' and '-'");
		}

	}

	@Nested
	class BuiltFromParts {

		@Test
		void ofKeepsRootAndTargetsInOrder() {
			Map<String, FilterLevel> targets = new LinkedHashMap<>();
			targets.put("b.x", DEBUG);
			targets.put("a.y", ERROR);
			LogFilter filter = LogFilter.of(WARN, targets);
			assertThat(filter).isEqualTo(LogFilter.parseStrict("warn,b.x=debug,a.y=error"));
			assertThat(filter.toFilterString()).isEqualTo("warn,b.x=debug,a.y=error");
		}

		@Test
		void ofWithoutRootLevel() {
			assertThat(LogFilter.of(null, Map.of("a", INFO)).rootLevel()).isEmpty();
		}

		@Test
		void ofRejectsATargetThatBreaksTheRule() {
			assertThatExceptionOfType(InvalidFilterException.class)
				.isThrownBy(() -> LogFilter.of(null, Map.of("a,b", INFO)))
				.withMessage("Invalid directive 'a,b=info': " + TARGET_RULE);
		}

		@Test
		void targetRuleViolation() {
			assertThat(LogFilter.targetRuleViolation("com.Example$Inner_1-x")).isEmpty();
			assertThat(LogFilter.targetRuleViolation("com example")).contains(TARGET_RULE);
			assertThat(LogFilter.targetRuleViolation("")).contains("the target is empty");
			assertThat(LogFilter.targetRuleViolation("a::b")).hasValueSatisfying((reason) -> assertThat(reason).contains("Rust"));
		}

		@Test
		void targetLevelsCannotBeModified() {
			LogFilter filter = LogFilter.parseStrict("a=debug");
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> filter.targetLevels().put("b", INFO));
		}

	}

	@Nested
	class Merging {

		@Test
		void higherWinsForTheSameTargetAndTargetsOnlyInLowerStillApply() {
			LogFilter higher = LogFilter.parseStrict("com.a=debug,com.c=trace");
			LogFilter lower = LogFilter.parseStrict("com.a=error,com.b=warn");
			LogFilter merged = higher.mergedOver(lower);
			assertThat(merged.targetLevels()).containsOnly(entry("com.a", DEBUG), entry("com.b", WARN),
					entry("com.c", TRACE));
		}

		@Test
		void higherRootLevelWins() {
			assertThat(LogFilter.parseStrict("debug").mergedOver(LogFilter.parseStrict("warn")).rootLevel()).contains(DEBUG);
		}

		@Test
		void lowerRootLevelAppliesWhenHigherHasNone() {
			LogFilter merged = LogFilter.parseStrict("com.a=debug").mergedOver(LogFilter.parseStrict("warn"));
			assertThat(merged).isEqualTo(LogFilter.parseStrict("warn,com.a=debug"));
		}

		@Test
		void mergingWithEmptyChangesNothing() {
			LogFilter filter = LogFilter.parseStrict("info,com.a=debug");
			assertThat(filter.mergedOver(LogFilter.empty())).isEqualTo(filter);
			assertThat(LogFilter.empty().mergedOver(filter)).isEqualTo(filter);
		}

	}

	@Nested
	class CanonicalForm {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "warn | warn", "WARNING | warn", "3 | info",
				"com.a : 4 , info | info,com.a=debug", "com.a | com.a=trace", "a=1,b=2,a=0 | a=off,b=warn",
				"root=trace,x.y=info | trace,x.y=info" })
		void isRootFirstThenTargetsAndReadsBackEqual(String text, String canonical) {
			LogFilter filter = LogFilter.parseStrict(text);
			assertThat(filter.toFilterString()).isEqualTo(canonical);
			assertThat(LogFilter.parseStrict(filter.toFilterString())).isEqualTo(filter);
			assertThat(filter.toString()).isEqualTo("LogFilter[" + canonical + "]");
		}

		@Test
		void equalityIgnoresTargetOrder() {
			LogFilter one = LogFilter.parseStrict("a=debug,b=info");
			LogFilter other = LogFilter.parseStrict("b=info,a=debug");
			assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
			assertThat(one).isNotEqualTo(LogFilter.parseStrict("a=debug,b=warn"));
			assertThat(one).isNotEqualTo(LogFilter.parseStrict("info,a=debug,b=info"));
		}

		@Test
		void problemsListIsACopy() {
			List<FilterProblem> problems = new java.util.ArrayList<>(List.of(new FilterProblem("x y", "r")));
			FilterParseResult result = new FilterParseResult(LogFilter.empty(), problems, List.of());
			problems.clear();
			assertThat(result.problems()).hasSize(1);
		}

	}

}
