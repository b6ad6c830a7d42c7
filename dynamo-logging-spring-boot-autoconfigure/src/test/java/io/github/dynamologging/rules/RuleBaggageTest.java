package io.github.dynamologging.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleBaggageTest {

	private static final String KEY = "0123456789abcdef0123456789abcdef";

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private final List<String> counted = new ArrayList<>();

	private final RuleBaggage baggage = baggage(KEY, NOW);

	@Test
	void signedEntryCarriesTheRuleAndItsFilter() {
		String entry = this.baggage.sign("a1b2c3d4", LogFilter.parseStrict("com.example=debug"), null);
		RuleDecision decision = this.baggage.accept(List.of("other=1, dynlog=" + entry + ";prop=x"));
		assertThat(decision).isNotNull();
		assertThat(decision.ruleId()).isEqualTo("a1b2c3d4");
		assertThat(decision.levels().filter().toFilterString()).isEqualTo("com.example=debug");
		assertThat(decision.baggageEntry()).isEqualTo(entry);
		assertThat(this.counted).containsExactly("accepted");
	}

	@Test
	void entryExpiresWithItsRuleOrAfterFiveMinutes() {
		LogFilter filter = LogFilter.parseStrict("debug");
		assertThat(RuleBaggage.expiresAt(this.baggage.sign("r1", filter, null))).isEqualTo(NOW.plus(RuleBaggage.ENTRY_TTL));
		assertThat(RuleBaggage.expiresAt(this.baggage.sign("r1", filter, NOW.plusSeconds(30))))
			.isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void entrySignedWithAnotherKeyIsIgnored() {
		String forged = baggage("another key, just as long as ours.", NOW).sign("r1", LogFilter.parseStrict("debug"), null);
		assertThat(this.baggage.accept(List.of("dynlog=" + forged))).isNull();
		assertThat(this.counted).containsExactly("bad_signature");
	}

	@Test
	void entryWithoutSignatureIsIgnored() {
		String signed = this.baggage.sign("r1", LogFilter.parseStrict("debug"), null);
		String unsigned = signed.substring(0, signed.lastIndexOf('.'));
		assertThat(this.baggage.accept(List.of("dynlog=" + unsigned))).isNull();
		assertThat(this.counted).containsExactly("unsigned");
	}

	@Test
	void entryReplayedAfterItsExpiryIsIgnored() {
		String entry = this.baggage.sign("r1", LogFilter.parseStrict("debug"), null);
		RuleBaggage later = baggage(KEY, NOW.plus(RuleBaggage.ENTRY_TTL).plus(Duration.ofSeconds(1)));
		assertThat(later.accept(List.of("dynlog=" + entry))).isNull();
		assertThat(this.counted).containsExactly("expired");
	}

	@Test
	void malformedEntriesAreIgnored() {
		assertThat(this.baggage.accept(List.of("dynlog=nonsense", "dynlog=1.r1.x.y.%%%", "dynlog=2.a.b.c.d"))).isNull();
		assertThat(this.counted).containsExactly("malformed", "malformed", "malformed");
	}

	@Test
	void otherBaggageIsNotLookedAt() {
		assertThat(this.baggage.accept(List.of("userId=alice,dynlogx=1"))).isNull();
		assertThat(this.counted).isEmpty();
	}

	private RuleBaggage baggage(String key, Instant now) {
		return new RuleBaggage(key, Clock.fixed(now, ZoneOffset.UTC), new BaggageEntryCounts(this.counted::add));
	}

}
