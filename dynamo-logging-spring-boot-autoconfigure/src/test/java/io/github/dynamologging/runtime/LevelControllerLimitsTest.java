package io.github.dynamologging.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What changes may add to Logback's logger tree, which never shrinks: checked before Logback is touched. */
class LevelControllerLimitsTest {

	private final LoggerContext context = new LoggerContext();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdownNow();
	}

	private LevelController controller(int maxLength, int maxDepth, int maxNewLoggers) {
		this.context.getLogger("com.example.api").setLevel(Level.WARN);
		return new LevelController(this.context, Clock.systemUTC(), this.scheduler,
				new LoggerCreationLimits(maxLength, maxDepth, maxNewLoggers));
	}

	@Test
	void targetLongerThanTheLimitIsRefusedBeforeAnyLoggerIsCreated() {
		LevelController controller = controller(40, 32, 1000);
		int loggers = this.context.getLoggerList().size();
		String target = "com.example." + "x".repeat(29);
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> controller.apply(LogFilter.parseStrict(target + "=debug"), Duration.ofMinutes(1), null, null))
			.withMessage("Invalid directive '" + target + "=debug': the logger name is 41 characters long; at most 40 "
					+ "are allowed (dynamo.logging.dynlog.max-target-length)");
		assertThat(this.context.getLoggerList()).hasSize(loggers);
		assertThat(this.context.exists("com.example." + "x".repeat(29))).isNull();
	}

	@Test
	void theIssuesDeepDirectiveIsRefusedQuotingItsStartAndCreatesNothing() {
		LevelController controller = controller(8192, 32, 1000);
		int loggers = this.context.getLoggerList().size();
		String target = "p000" + ".a".repeat(2041);
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> controller.apply(LogFilter.parseStrict(target + "=debug"), Duration.ofMinutes(1), null, null))
			.withMessage("Invalid directive '" + (target + "=debug").substring(0, 64) + "…(4092 characters)': the "
					+ "logger name has 2042 parts separated by '.' or '$'; at most 32 are allowed "
					+ "(dynamo.logging.dynlog.max-target-depth)");
		assertThat(this.context.getLoggerList()).hasSize(loggers);
		assertThat(this.context.exists("p000")).isNull();
	}

	@Test
	void dollarSeparatedPartsCountAsLogbackSplitsThem() {
		assertThat(LoggerCreationLimits.depth("com.example.Api$Inner$1")).isEqualTo(5);
		assertThat(LoggerCreationLimits.depth("single")).isEqualTo(1);
		LevelController controller = controller(256, 4, 1000);
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> controller.apply(LogFilter.parseStrict("a$b$c$d$e"), Duration.ofMinutes(1), null, null))
			.withMessageContaining("the logger name has 5 parts separated by '.' or '$'; at most 4 are allowed");
		assertThat(this.context.exists("a")).isNull();
	}

	@Test
	void loggersChangesCreateAreCountedOverTheProcesssLifeAndExistingOnesAreFree() {
		LevelController controller = controller(256, 32, 5);
		// a, a.b and a.b.c are new: 3 of 5
		controller.apply(LogFilter.parseStrict("a.b.c=debug"), Duration.ofMinutes(1), null, null);
		// Existing loggers, and the ones created before, cost nothing, also after a reset.
		controller.reset(null);
		controller.apply(LogFilter.parseStrict("a.b.c=trace,com.example.api=debug,com=info"), Duration.ofMinutes(1),
				null, null);
		int loggers = this.context.getLoggerList().size();
		assertThatExceptionOfType(InvalidChangeException.class)
			.isThrownBy(() -> controller.apply(LogFilter.parseStrict("x.y=debug,a.b.d=debug"), Duration.ofMinutes(1),
					null, null))
			.withMessage("This change would create 3 new loggers ('x' and 2 more did not exist yet); runtime changes "
					+ "may create at most 5 loggers over the process's life, since Logback never frees one, and 2 are "
					+ "left. Name loggers that exist (a package or class of the application), or raise "
					+ "dynamo.logging.dynlog.max-new-loggers");
		assertThat(this.context.getLoggerList()).hasSize(loggers);
		assertThat(this.context.exists("x")).isNull();
		assertThat(this.context.getLogger("a.b.c").getLevel()).as("the change in force stays").isEqualTo(Level.TRACE);
		// What is left can still be used.
		controller.apply(LogFilter.parseStrict("x.y=debug"), Duration.ofMinutes(1), null, null);
		assertThat(this.context.exists("x.y").getLevel()).isEqualTo(Level.DEBUG);
	}

	@Test
	void limitsOutOfRangeNameTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoggerCreationLimits(0, 32, 1000))
			.withMessage("dynamo.logging.dynlog.max-target-length must be positive, but is 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new LoggerCreationLimits(256, -1, 1000))
			.withMessage("dynamo.logging.dynlog.max-target-depth must be positive, but is -1");
		assertThatIllegalArgumentException().isThrownBy(() -> new LoggerCreationLimits(256, 32, -1))
			.withMessage("dynamo.logging.dynlog.max-new-loggers must be 0 or more, but is -1");
	}

}
