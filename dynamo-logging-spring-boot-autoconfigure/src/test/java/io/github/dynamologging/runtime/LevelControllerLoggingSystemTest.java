package io.github.dynamologging.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;

/** With Boot's logging system, levels are written through it, as {@code /actuator/loggers} writes them. */
class LevelControllerLoggingSystemTest {

	@Test
	void changesExpiriesAndResetsGoThroughBootsLoggingSystem() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		RecordingLoggingSystem boot = new RecordingLoggingSystem();
		try (LevelController controller = new LevelController(context, boot, LoggerCreationLimits.defaults())) {
			boot.writes.clear();
			controller.apply(LogFilter.parseStrict("com.example.boot=debug,com.example.boot.Sql"), Duration.ofMinutes(1),
					null, null);
			assertThat(boot.writes).containsExactlyInAnyOrder("com.example.boot=DEBUG", "com.example.boot.Sql=TRACE");
			assertThat(context.getLogger("com.example.boot").getLevel()).isEqualTo(Level.DEBUG);

			boot.writes.clear();
			controller.reset(null);
			assertThat(boot.writes).containsExactlyInAnyOrder("com.example.boot=null", "com.example.boot.Sql=null");
			assertThat(context.getLogger("com.example.boot").getLevel()).isNull();
		}
	}

	/** Boot's own Logback logging system, recording what it is asked to set. */
	static final class RecordingLoggingSystem extends LogbackLoggingSystem {

		final List<String> writes = new ArrayList<>();

		RecordingLoggingSystem() {
			super(RecordingLoggingSystem.class.getClassLoader());
		}

		@Override
		public void setLogLevel(@Nullable String loggerName, @Nullable LogLevel level) {
			this.writes.add(loggerName + "=" + level);
			super.setLogLevel(loggerName, level);
		}

	}

}
