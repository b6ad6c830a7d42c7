package io.github.dynamologging.rules;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/** The turbo filter on a Logback context of its own: what a decision lets through, and the field it sets. */
class RuleTurboFilterTest {

	private final LoggerContext context = new LoggerContext();

	/** Takes each event's MDC when it is appended, as an appender that encodes at once does. */
	private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			super.append(event);
		}

	};

	private final Logger api = this.context.getLogger("com.example.api.Orders");

	private final Logger other = this.context.getLogger("com.other.Thing");

	@BeforeEach
	void setUp() {
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
		this.appender.setContext(this.context);
		this.appender.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
		this.context.addTurboFilter(new RuleTurboFilter());
	}

	@AfterEach
	void tearDown() {
		CurrentRule.clear();
	}

	@Test
	void withoutDecisionTheLoggerLevelDecides() {
		assertThat(this.api.isDebugEnabled()).isFalse();
		this.api.debug("dropped");
		this.api.info("kept");
		assertThat(this.appender.list).extracting(ILoggingEvent::getMessage).containsExactly("kept");
		assertThat(this.appender.list.get(0).getMDCPropertyMap()).doesNotContainKey(CurrentRule.FIELD);
	}

	@Test
	void decisionLetsThroughWhatItsFilterNamesAndMarksOnlyThoseLines() {
		CurrentRule.enter(new RuleDecision("r1", new RuleLevels(LogFilter.parseStrict("com.example=debug")), null));
		assertThat(this.api.isDebugEnabled()).isTrue();
		assertThat(this.api.isTraceEnabled()).isFalse();
		this.api.debug("raised");
		this.api.info("kept anyway");
		this.api.atDebug().setMessage("raised too").log();
		this.other.debug("not named by the rule");
		assertThat(this.appender.list).extracting(ILoggingEvent::getMessage)
			.containsExactly("raised", "kept anyway", "raised too");
		assertThat(this.appender.list).extracting((event) -> event.getMDCPropertyMap().get(CurrentRule.FIELD))
			.containsExactly("r1", null, "r1");
	}

	@Test
	void targetsMatchByLoggerHierarchyNotByTextPrefix() {
		CurrentRule.enter(new RuleDecision("r1", new RuleLevels(LogFilter.parseStrict("com.example.ap=trace")), null));
		assertThat(this.api.isDebugEnabled()).isFalse();
		CurrentRule.enter(new RuleDecision("r2", new RuleLevels(LogFilter.parseStrict("info,com.example.api=trace")), null));
		assertThat(this.api.isTraceEnabled()).isTrue();
		assertThat(this.other.isDebugEnabled()).isFalse();
	}

	@Test
	void countOfThreadsHoldingADecisionFollowsEnterAndRestore() {
		int before = CurrentRule.holders();
		RuleDecision outer = new RuleDecision("r1", new RuleLevels(LogFilter.parseStrict("debug")), null);
		RuleDecision previous = CurrentRule.enter(outer);
		assertThat(CurrentRule.holders()).isEqualTo(before + 1);
		RuleDecision nested = CurrentRule.enter(new RuleDecision("r2", new RuleLevels(LogFilter.parseStrict("debug")), null));
		assertThat(CurrentRule.holders()).isEqualTo(before + 1);
		CurrentRule.restore(nested);
		assertThat(CurrentRule.get()).isSameAs(outer);
		CurrentRule.restore(previous);
		CurrentRule.clear();
		assertThat(CurrentRule.holders()).isEqualTo(before);
		assertThat(CurrentRule.get()).isNull();
	}

	@Test
	void clearingTheDecisionRemovesTheField() {
		CurrentRule.enter(new RuleDecision("r1", new RuleLevels(LogFilter.parseStrict("debug")), null));
		this.api.debug("raised");
		assertThat(MDC.get(CurrentRule.FIELD)).isEqualTo("r1");
		CurrentRule.restore(null);
		assertThat(MDC.get(CurrentRule.FIELD)).isNull();
		this.api.debug("dropped");
		assertThat(this.appender.list).hasSize(1);
	}

}
