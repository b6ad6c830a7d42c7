package io.github.dynamologging.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class LevelControllerTest {

	private static final Instant NOW = Instant.parse("2025-09-02T15:53:31Z");

	private final LoggerContext context = new LoggerContext();

	private final ListAppender<ILoggingEvent> auditLines = new ListAppender<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private LevelController controller;

	@BeforeEach
	void startWithConfiguredLevels() {
		logger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
		logger("com.example").setLevel(Level.WARN);
		logger("io.netty").setLevel(Level.ERROR);
		logger("com.example.api.Orders");
		this.auditLines.setContext(this.context);
		this.auditLines.start();
		logger(LevelController.AUDIT_LOGGER).addAppender(this.auditLines);
		this.controller = new LevelController(this.context, Clock.fixed(NOW, ZoneOffset.UTC), this.scheduler);
	}

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdownNow();
	}

	@Test
	void startupFilterIsRootAndEveryLoggerWithALevelIncludingTheAuditLogger() {
		assertThat(this.controller.startupFilter())
			.isEqualTo("info,com.example=warn,dynamo.logging.audit=info,io.netty=error");
		LevelState state = this.controller.state();
		assertThat(state.filter()).isEqualTo(state.startupFilter());
		assertThat(state.overrides()).isEmpty();
	}

	@Test
	void appliesRootAndNamedLoggersAndLeavesTheOthers() {
		LevelState state = this.controller.apply(LogFilter.parseStrict("warn,com.example.api=trace"),
				Duration.ofMinutes(15), "incident 42", "alice");
		assertThat(logger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
		assertThat(logger("com.example.api").getLevel()).isEqualTo(Level.TRACE);
		assertThat(logger("com.example.api.Orders").getEffectiveLevel()).isEqualTo(Level.TRACE);
		assertThat(logger("com.example").getLevel()).isEqualTo(Level.WARN);
		assertThat(logger("io.netty").getLevel()).isEqualTo(Level.ERROR);
		assertThat(state.filter())
			.isEqualTo("warn,com.example=warn,com.example.api=trace,dynamo.logging.audit=info,io.netty=error");
		assertThat(state.overrides()).containsExactly(
				new LevelOverride("ROOT", "warn", "2025-09-02T16:08:31Z"),
				new LevelOverride("com.example.api", "trace", "2025-09-02T16:08:31Z"));
	}

	@Test
	void eachChangeWritesOneAuditLine() {
		this.controller.apply(LogFilter.parseStrict("com.example=debug"), Duration.ofMinutes(15), "incident 42",
				"alice");
		assertThat(this.auditLines.list).hasSize(1);
		ILoggingEvent line = this.auditLines.list.get(0);
		assertThat(line.getLevel()).isEqualTo(Level.INFO);
		assertThat(line.getLoggerName()).isEqualTo("dynamo.logging.audit");
		assertThat(line.getFormattedMessage()).isEqualTo("Log levels changed");
		assertThat(keyValues(line)).containsExactly(Map.entry("action", "apply"), Map.entry("principal", "alice"),
				Map.entry("old_filter", "info,com.example=warn,dynamo.logging.audit=info,io.netty=error"),
				Map.entry("new_filter", "info,com.example=debug,dynamo.logging.audit=info,io.netty=error"),
				Map.entry("ttl", "PT15M"), Map.entry("reason", "incident 42"));
	}

	@Test
	void auditLineLeavesOutWhatIsUnknown() {
		this.controller.apply(LogFilter.parseStrict("com.example=debug"), null, null, null);
		assertThat(keyValues(this.auditLines.list.get(0))).containsOnlyKeys("action", "old_filter", "new_filter", "ttl")
			.containsEntry("ttl", "permanent");
	}

	@Test
	void rootOfWarnDoesNotSilenceTheAuditLogger() {
		this.controller.apply(LogFilter.parseStrict("error,dynamo=off"), Duration.ofMinutes(1), null, null);
		assertThat(logger(LevelController.AUDIT_LOGGER).getEffectiveLevel()).isEqualTo(Level.INFO);
		assertThat(this.auditLines.list).hasSize(1);
	}

	@Test
	void changeThatSilencesTheAuditLoggerIsRejectedAndChangesNothing() {
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> this.controller.apply(LogFilter.parseStrict("debug,dynamo.logging.audit=warn"),
					Duration.ofMinutes(1), null, null))
			.withMessage("Invalid directive 'dynamo.logging.audit=warn': it would silence the audit logger "
					+ "dynamo.logging.audit, which records every change at info; its level can be info, debug or trace");
		assertThat(this.controller.state().filter()).isEqualTo(this.controller.startupFilter());
		assertThat(this.auditLines.list).isEmpty();
	}

	@Test
	void ancestorThatWouldSilenceAnUnpinnedAuditLoggerIsRejected() {
		// As if someone removed the audit logger's own level through /actuator/loggers.
		logger(LevelController.AUDIT_LOGGER).setLevel(null);
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> this.controller.apply(LogFilter.parseStrict("dynamo=off"), Duration.ofMinutes(1), null,
					null))
			.withMessageStartingWith("Invalid directive 'dynamo=off': it would silence the audit logger");
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> this.controller.apply(LogFilter.parseStrict("warn"), Duration.ofMinutes(1), null, null))
			.withMessageStartingWith("Invalid directive 'warn': it would silence the audit logger");
		assertThat(logger("dynamo").getLevel()).isNull();
		assertThat(logger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
	}

	@Test
	void auditLoggerSilencedAtStartStaysTheOperatorsChoice() {
		logger(LevelController.AUDIT_LOGGER).setLevel(Level.OFF);
		this.controller.apply(LogFilter.parseStrict("com.example=debug"), Duration.ofMinutes(1), null, null);
		assertThat(logger("com.example").getLevel()).isEqualTo(Level.DEBUG);
		assertThat(this.auditLines.list).isEmpty();
	}

	@Test
	void expiryRevertsEachNamedLoggerToItsOwnLevelBefore() {
		this.controller.apply(LogFilter.parseStrict("debug,com.example=trace,com.example.api=trace"),
				Duration.ofMillis(500), "short", "alice");
		assertThat(logger("com.example.api").getLevel()).isEqualTo(Level.TRACE);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.controller.state().overrides().isEmpty());
		assertThat(logger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
		assertThat(logger("com.example").getLevel()).isEqualTo(Level.WARN);
		assertThat(logger("com.example.api").getLevel()).as("had no level of its own").isNull();
		assertThat(this.controller.state().filter()).isEqualTo(this.controller.startupFilter());
		assertThat(this.auditLines.list).hasSize(2);
		ILoggingEvent expired = this.auditLines.list.get(1);
		assertThat(expired.getFormattedMessage()).isEqualTo("Log level change expired");
		assertThat(keyValues(expired)).containsEntry("action", "expire")
			.containsEntry("old_filter",
					"debug,com.example=trace,com.example.api=trace,dynamo.logging.audit=info,io.netty=error")
			.containsEntry("new_filter", this.controller.startupFilter())
			.containsEntry("ttl", "PT0.5S")
			.containsEntry("reason", "short")
			.doesNotContainKey("principal");
	}

	@Test
	void expiryKeepsLevelsSetMeanwhileOnLoggersTheChangeDidNotName() {
		this.controller.apply(LogFilter.parseStrict("com.example=debug"), Duration.ofMillis(200), null, null);
		// As /actuator/loggers would.
		logger("org.hibernate.SQL").setLevel(Level.DEBUG);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.controller.state().overrides().isEmpty());
		assertThat(logger("com.example").getLevel()).isEqualTo(Level.WARN);
		assertThat(logger("org.hibernate.SQL").getLevel()).isEqualTo(Level.DEBUG);
		assertThat(this.controller.state().filter()).contains("org.hibernate.SQL=debug");
	}

	@Test
	void newChangeReplacesTheOneInForceEntirely() {
		this.controller.apply(LogFilter.parseStrict("debug,com.example=trace,org.a=debug"), Duration.ofMinutes(1),
				"first", null);
		LevelState state = this.controller.apply(LogFilter.parseStrict("org.b=trace"), Duration.ofMinutes(2),
				"second", null);
		assertThat(state.filter())
			.isEqualTo("info,com.example=warn,dynamo.logging.audit=info,io.netty=error,org.b=trace");
		assertThat(state.overrides()).extracting(LevelOverride::target).containsExactly("org.b");
		assertThat(keyValues(this.auditLines.list.get(1))).containsEntry("old_filter",
				"debug,com.example=trace,dynamo.logging.audit=info,io.netty=error,org.a=debug");
	}

	@Test
	void timerOfAReplacedChangeDoesNothingAndTheLastChangeRevertsToTheStart() {
		// Margins for a busy CI machine: the second change must land before the first expires (300 ms), and
		// the check after the first timer (800 ms) must come before the second expires (2 s).
		this.controller.apply(LogFilter.parseStrict("com.example=trace"), Duration.ofMillis(300), "first", null);
		this.controller.apply(LogFilter.parseStrict("com.example=debug,org.b=trace"), Duration.ofSeconds(2),
				"second", null);
		await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(1)).until(() -> true);
		assertThat(logger("com.example").getLevel()).as("first timer did not revert the second change")
			.isEqualTo(Level.DEBUG);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.controller.state().overrides().isEmpty());
		assertThat(this.controller.state().filter()).isEqualTo(this.controller.startupFilter());
		assertThat(logger("org.b").getLevel()).isNull();
		assertThat(this.auditLines.list).extracting((line) -> keyValues(line).get("action"))
			.containsExactly("apply", "apply", "expire");
	}

	@Test
	void permanentChangeHasNoExpiry() {
		LevelState state = this.controller.apply(LogFilter.parseStrict("com.example=debug"), null, null, null);
		assertThat(state.overrides()).containsExactly(new LevelOverride("com.example", "debug", null));
	}

	@Test
	void resetGoesBackToTheStartupFilterIncludingLevelsSetElsewhere() {
		this.controller.apply(LogFilter.parseStrict("debug,com.example=trace"), Duration.ofMinutes(10), null, null);
		logger("org.hibernate.SQL").setLevel(Level.DEBUG);
		logger("io.netty").setLevel(Level.TRACE);
		LevelState state = this.controller.reset("bob");
		assertThat(state.filter()).isEqualTo(this.controller.startupFilter());
		assertThat(state.overrides()).isEmpty();
		assertThat(logger("org.hibernate.SQL").getLevel()).isNull();
		ILoggingEvent line = this.auditLines.list.get(1);
		assertThat(line.getFormattedMessage()).isEqualTo("Log levels reset to the startup filter");
		assertThat(keyValues(line)).containsOnlyKeys("action", "principal", "old_filter", "new_filter")
			.containsEntry("principal", "bob")
			.containsEntry("new_filter", this.controller.startupFilter());
	}

	@Test
	void filterReadsLiveLevels() {
		logger("com.example").setLevel(Level.TRACE);
		assertThat(this.controller.state().filter()).contains("com.example=trace");
	}

	@Test
	void loggerNamesTheFilterGrammarCannotExpressAreLeftOutOfTheFilter() {
		logger("weird name").setLevel(Level.DEBUG);
		assertThat(this.controller.state().filter()).doesNotContain("weird");
	}

	@Test
	void reconfigureSetsNewConfiguredLevelsAndMakesThemTheResetTarget() {
		Map<String, Level> configured = new java.util.HashMap<>();
		configured.put("com.example", Level.DEBUG);
		configured.put("io.netty", null);
		configured.put("org.new", Level.TRACE);
		LevelState state = this.controller.reconfigure(configured, "/etc/logging.toml");
		assertThat(state.startupFilter()).isEqualTo("info,com.example=debug,dynamo.logging.audit=info,org.new=trace");
		assertThat(state.filter()).isEqualTo(state.startupFilter());
		assertThat(logger("io.netty").getLevel()).isNull();
		logger("com.example").setLevel(Level.ERROR);
		assertThat(this.controller.reset(null).filter()).isEqualTo(state.startupFilter());
		assertThat(keyValues(this.auditLines.list.get(0))).containsEntry("action", "reload")
			.containsEntry("source", "/etc/logging.toml")
			.containsEntry("new_filter", state.startupFilter());
	}

	@Test
	void reconfigureLeavesLoggersOfTheChangeInForceUntilItEnds() {
		this.controller.apply(LogFilter.parseStrict("com.example=trace"), Duration.ofMillis(300), null, null);
		Map<String, Level> configured = new java.util.HashMap<>();
		configured.put("com.example", Level.DEBUG);
		this.controller.reconfigure(configured, "file");
		assertThat(logger("com.example").getLevel()).isEqualTo(Level.TRACE);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.controller.state().overrides().isEmpty());
		assertThat(logger("com.example").getLevel()).isEqualTo(Level.DEBUG);
	}

	@Test
	void reconfigureKeepsTheAuditLoggersOwnLevel() {
		Map<String, Level> configured = new java.util.HashMap<>();
		configured.put(LevelController.AUDIT_LOGGER, null);
		this.controller.reconfigure(configured, "file");
		assertThat(logger(LevelController.AUDIT_LOGGER).getLevel()).isEqualTo(Level.INFO);
	}

	@Test
	void closeUndoesTheChangeInForce() {
		LevelController owning = new LevelController(this.context);
		owning.apply(LogFilter.parseStrict("com.example=trace"), Duration.ofHours(1), null, null);
		owning.close();
		assertThat(owning.state().overrides()).isEmpty();
		assertThat(logger("com.example").getLevel()).isEqualTo(Level.WARN);
	}

	private Logger logger(String name) {
		return this.context.getLogger(name);
	}

	private static Map<String, Object> keyValues(ILoggingEvent event) {
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		return pairs.stream()
			.collect(Collectors.toMap((pair) -> pair.key, (pair) -> pair.value, (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

}
