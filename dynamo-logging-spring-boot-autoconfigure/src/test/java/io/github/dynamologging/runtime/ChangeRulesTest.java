package io.github.dynamologging.runtime;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.dynamologging.filter.FilterLevel;
import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChangeRulesTest {

	private final ChangeRules rules = new ChangeRules(Duration.ofMinutes(10), Duration.ofHours(1));

	@Test
	void validFilterParses() {
		LogFilter filter = this.rules.parseFilter(" warn , com.example.api=trace ");
		assertThat(filter.rootLevel()).hasValue(FilterLevel.WARN);
		assertThat(filter.targetLevels()).containsEntry("com.example.api", FilterLevel.TRACE);
	}

	@Test
	void invalidDirectiveIsNamedWithItsRule() {
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> this.rules.parseFilter("warn,com foo=debug"))
			.withMessage("Invalid directive 'com foo=debug': a target may only contain letters, digits, '.', '_', "
					+ "'$' and '-'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", " , ," })
	void emptyFilterIsRejected(String text) {
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> this.rules.parseFilter(text))
			.withMessageStartingWith("filter is empty");
	}

	@Test
	void nullFilterIsRejected() {
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> this.rules.parseFilter(null))
			.withMessageStartingWith("filter is empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "off", "0", "com.example=debug, OFF", "root=off", "ROOT:0" })
	void rootOffIsRejectedNamingTheDirective(String text) {
		String directive = text.contains(",") ? "OFF" : text;
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> this.rules.parseFilter(text))
			.withMessageStartingWith("Invalid directive '" + directive + "': the root level cannot be set to off");
	}

	@Test
	void offForATargetIsAllowed() {
		assertThat(this.rules.parseFilter("com.example.noisy=off").targetLevels())
			.containsEntry("com.example.noisy", FilterLevel.OFF);
	}

	@Test
	void filterOfExactly4KiBIsAcceptedAndOneByteMoreIsRejected() {
		String atLimit = "a".repeat(4096 - "=debug".length()) + "=debug";
		assertThat(this.rules.parseFilter(atLimit).targetLevels()).hasSize(1);
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> this.rules.parseFilter("a" + atLimit))
			.withMessage("filter is 4097 bytes long; at most 4096 bytes are allowed");
	}

	@Test
	void sizeIsCountedInUtf8Bytes() {
		String text = "\u00e9".repeat(2049);
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> this.rules.parseFilter(text))
			.withMessage("filter is 4098 bytes long; at most 4096 bytes are allowed");
	}

	@Test
	void hundredDirectivesAreAcceptedAndOneMoreIsRejected() {
		String hundred = IntStream.range(0, 100).mapToObj((i) -> "t" + i + "=debug").collect(Collectors.joining(","));
		assertThat(this.rules.parseFilter(hundred).targetLevels()).hasSize(100);
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> this.rules.parseFilter(hundred + ",t100=info"))
			.withMessage("filter has 101 directives; at most 100 are allowed");
	}

	@Test
	void emptyDirectivesDoNotCountTowardsTheLimit() {
		String hundred = IntStream.range(0, 100).mapToObj((i) -> "t" + i + "=debug").collect(Collectors.joining(",,"));
		assertThat(this.rules.parseFilter(hundred).targetLevels()).hasSize(100);
	}

	@Test
	void missingTtlIsTheDefault() {
		assertThat(this.rules.parseTtl(null)).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.rules.parseTtl(" ")).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void ttlIsAnIsoDuration() {
		assertThat(this.rules.parseTtl("PT15M")).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.rules.parseTtl(" pt2s ")).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.rules.parseTtl("PT1H")).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void ttlThatIsNotADurationIsRejected() {
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> this.rules.parseTtl("15m"))
			.withMessage("ttl '15m' is not an ISO-8601 duration; write e.g. PT15M (15 minutes), PT30S or PT1H");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT0S", "-PT1M" })
	void ttlMustBePositive(String text) {
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> this.rules.parseTtl(text))
			.withMessage("ttl '" + text + "' must be positive, e.g. PT15M");
	}

	@Test
	void ttlAboveTheMaximumIsRejected() {
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> this.rules.parseTtl("PT61M"))
			.withMessage("ttl 'PT61M' is longer than the maximum PT1H (dynamo.logging.dynlog.max-ttl)");
	}

	@Test
	void permanentNeedsMaxTtlZero() {
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> this.rules.parseTtl("permanent"))
			.withMessage("ttl 'permanent' is not allowed: changes expire after at most PT1H "
					+ "(dynamo.logging.dynlog.max-ttl); set max-ttl to 0 to allow permanent changes");
		ChangeRules unlimited = new ChangeRules(Duration.ofMinutes(10), Duration.ZERO);
		assertThat(unlimited.parseTtl("Permanent")).isNull();
		assertThat(unlimited.parseTtl("P30D")).isEqualTo(Duration.ofDays(30));
		assertThatExceptionOfType(InvalidChangeException.class).isThrownBy(() -> unlimited.parseTtl("P366D"))
			.withMessageStartingWith("ttl 'P366D' is longer than 365 days; ask for 'permanent' instead");
	}

	@Test
	void reasonIsTrimmedAndLimited() {
		assertThat(this.rules.checkReason("  incident 42 ")).isEqualTo("incident 42");
		assertThat(this.rules.checkReason(null)).isNull();
		assertThat(this.rules.checkReason(" ")).isNull();
		assertThat(this.rules.checkReason("r".repeat(512))).hasSize(512);
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> this.rules.checkReason("r".repeat(513)))
			.withMessage("reason is 513 characters long; at most 512 are allowed");
	}

	@Test
	void settingsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ChangeRules(Duration.ZERO, Duration.ofHours(1)))
			.withMessage("default-ttl must be positive, but is PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChangeRules(Duration.ofMinutes(1), Duration.ofMinutes(-1)))
			.withMessageStartingWith("max-ttl must be positive, or 0 for no maximum");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChangeRules(Duration.ofHours(2), Duration.ofHours(1)))
			.withMessage("default-ttl (PT2H) must not be longer than max-ttl (PT1H)");
	}

}
