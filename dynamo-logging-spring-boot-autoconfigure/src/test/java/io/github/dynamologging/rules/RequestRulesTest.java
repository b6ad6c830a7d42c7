package io.github.dynamologging.rules;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class RequestRulesTest {

	private static final String BY_ID = "{\"header\": \"X-Request-Id\", \"equals\": \"abc\"}";

	private static final PathContainer PATH = PathContainer.parsePath("/api/orders");

	private final LoggerContext context = new LoggerContext();

	private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

	private RequestRules rules;

	@BeforeEach
	void setUp() {
		this.audit.start();
		this.context.getLogger("dynamo.logging.audit").addAppender(this.audit);
		this.rules = new RequestRules(this.context, 3, null, Clock.systemUTC(), this.context.getLogger("dynamo.logging.audit"));
	}

	@AfterEach
	void tearDown() {
		this.rules.close();
	}

	@Test
	void pathIsParsedOnlyForRulesThatMatchOnItAndOnceForAll() {
		this.rules.add(BY_ID, LogFilter.parseStrict("com.example=debug"), Duration.ofMinutes(5), "header only", "alice");
		AtomicInteger parsed = new AtomicInteger();
		Supplier<PathContainer> path = () -> {
			parsed.incrementAndGet();
			return PATH;
		};
		assertThat(this.rules.decide((name) -> List.of(), path)).isNull();
		assertThat(parsed).as("a header rule never needs the path").hasValue(0);
		this.rules.add("{\"path\": \"/other/**\"}", LogFilter.parseStrict("com.example=debug"), Duration.ofMinutes(5),
				"first path rule", "alice");
		this.rules.add("{\"path\": \"/api/**\"}", LogFilter.parseStrict("com.example=debug"), Duration.ofMinutes(5),
				"second path rule", "alice");
		assertThat(this.rules.decide((name) -> List.of(), path)).isNotNull();
		assertThat(parsed).as("two path rules, one parse").hasValue(1);
	}

	@Test
	void ruleDecidesTheRequestsItMatchesAndIsAudited() {
		RequestRuleView rule = this.rules.add(BY_ID, LogFilter.parseStrict("com.example=debug"), Duration.ofMinutes(5),
				"ticket 9", "alice");
		assertThat(this.rules.decide(this::requestAbc, () -> PATH)).extracting(RuleDecision::ruleId).isEqualTo(rule.id());
		assertThat(this.rules.decide((name) -> List.of(), () -> PATH)).isNull();
		assertThat(auditFields(0)).containsEntry("action", "rule_add")
			.containsEntry("principal", "alice")
			.containsEntry("rule", rule.id())
			.containsEntry("match", "{\"header\":\"X-Request-Id\",\"equals\":\"abc\"}")
			.containsEntry("filter", "com.example=debug")
			.containsEntry("ttl", "PT5M")
			.containsEntry("reason", "ticket 9")
			.doesNotContainKey("matches_every_request");
		assertThat(this.rules.list()).singleElement().satisfies((listed) -> {
			assertThat(listed.requestsMatched()).isEqualTo(1);
			assertThat(listed.expiresAt()).isNotNull();
		});
	}

	@Test
	void ruleThatMatchesEveryRequestIsAllowedAndAuditedAsSuch() {
		this.rules.add("{\"sample\": 1}", LogFilter.parseStrict("debug"), Duration.ofMinutes(1), null, null);
		assertThat(this.audit.list.get(0).getMessage()).isEqualTo("Request rule added; it matches every request");
		assertThat(auditFields(0)).containsEntry("matches_every_request", true);
	}

	@Test
	void requestsOverTheCapAreSkippedAndCounted() {
		this.rules.add(BY_ID, LogFilter.parseStrict("debug"), Duration.ofMinutes(5), null, null);
		long raised = IntStream.range(0, 10).filter((i) -> this.rules.decide(this::requestAbc, () -> PATH) != null).count();
		RequestRuleView listed = this.rules.list().get(0);
		// The cap is per second: a run that crosses a second boundary raises up to 3 more.
		assertThat(raised).isBetween(3L, 6L);
		assertThat(listed.requestsMatched()).isEqualTo(raised);
		assertThat(listed.requestsSkipped()).isEqualTo(10 - raised);
	}

	@Test
	void atMostTwentyRules() {
		for (int i = 0; i < RequestRules.MAX_RULES; i++) {
			this.rules.add(BY_ID, LogFilter.parseStrict("debug"), Duration.ofMinutes(5), null, null);
		}
		assertThatExceptionOfType(InvalidRuleException.class)
			.isThrownBy(() -> this.rules.add(BY_ID, LogFilter.parseStrict("debug"), Duration.ofMinutes(5), null, null))
			.withMessageContaining("20 request rules are in force, the most allowed at once");
		assertThat(this.rules.list()).hasSize(RequestRules.MAX_RULES);
	}

	@Test
	void turboFilterIsInstalledOnlyWhileRulesExist() {
		assertThat(RuleGate.installed(this.context)).isFalse();
		RequestRuleView rule = this.rules.add(BY_ID, LogFilter.parseStrict("debug"), Duration.ofMinutes(5), null, null);
		assertThat(RuleGate.installed(this.context)).isTrue();
		this.rules.remove(rule.id(), "bob");
		assertThat(RuleGate.installed(this.context)).isFalse();
		assertThat(this.rules.list()).isEmpty();
		assertThat(auditFields(1)).containsEntry("action", "rule_remove").containsEntry("principal", "bob");
		assertThatExceptionOfType(UnknownRuleException.class).isThrownBy(() -> this.rules.remove(rule.id(), null));
	}

	@Test
	void ruleExpiresAfterItsTtl() {
		this.rules.add(BY_ID, LogFilter.parseStrict("debug"), Duration.ofMillis(200), null, null);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.rules.list().isEmpty());
		assertThat(this.rules.decide(this::requestAbc, () -> PATH)).isNull();
		assertThat(auditFields(1)).containsEntry("action", "rule_expire");
		assertThat(RuleGate.installed(this.context)).isFalse();
	}

	private List<String> requestAbc(String name) {
		return name.equalsIgnoreCase("X-Request-Id") ? List.of("abc") : List.of();
	}

	private Map<String, Object> auditFields(int index) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		for (KeyValuePair pair : this.audit.list.get(index).getKeyValuePairs()) {
			fields.put(pair.key, pair.value);
		}
		return fields;
	}

}
