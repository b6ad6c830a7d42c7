package io.github.dynamologging.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.dynamologging.filter.LogFilter;
import io.github.dynamologging.format.CapturingLogback;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.format.DynamoReadableEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dynlog_rule} as each console format writes it, on the line a rule let through only. */
class RuleFieldFormatsTest {

	private static final Pattern READABLE = Pattern
		.compile("\\S+Z (?<level>[ A-Z]{5}) com\\.example\\.Api: (?<message>[a-z ]+)(?<fields>( \\S+=\\S+)*)");

	@AfterEach
	void tearDown() {
		CurrentRule.clear();
	}

	@Test
	void jsonlLineCarriesTheRuleIdOnlyWhereTheRuleDecided() {
		CapturingLogback logback = new CapturingLogback(new DynamoJsonlEncoder());
		logRaisedAndPlainLine(logback);
		List<JsonNode> lines = logback.jsonLines();
		assertThat(lines).extracting((line) -> line.get("message").asString()).containsExactly("raised", "plain");
		assertThat(lines.get(0).get("dynlog_rule").asString()).isEqualTo("r7");
		assertThat(lines.get(1).has("dynlog_rule")).isFalse();
	}

	@Test
	void readableLineCarriesTheRuleIdOnlyWhereTheRuleDecided() {
		CapturingLogback logback = new CapturingLogback(new DynamoReadableEncoder());
		logRaisedAndPlainLine(logback);
		List<String> lines = logback.lines();
		assertThat(lines).hasSize(2);
		Matcher raised = READABLE.matcher(lines.get(0));
		Matcher plain = READABLE.matcher(lines.get(1));
		assertThat(raised.matches()).as(lines.get(0)).isTrue();
		assertThat(plain.matches()).as(lines.get(1)).isTrue();
		assertThat(raised.group("level")).isEqualTo("DEBUG");
		assertThat(raised.group("fields")).contains(" dynlog_rule=\"r7\"");
		assertThat(plain.group("message")).isEqualTo("plain");
		assertThat(plain.group("fields")).doesNotContain("dynlog_rule");
	}

	private static void logRaisedAndPlainLine(CapturingLogback logback) {
		Logger logger = logback.logger("com.example.Api");
		logger.setLevel(Level.INFO);
		logger.getLoggerContext().addTurboFilter(new RuleTurboFilter());
		CurrentRule.enter(new RuleDecision("r7", new RuleLevels(LogFilter.parseStrict("com.example=debug")), null));
		logger.debug("raised");
		logger.info("plain");
	}

}
