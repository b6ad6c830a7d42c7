package io.github.dynamologging.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.filter.FilterLevel;
import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many writers apply different filters with racing expiries and resets while an observer checks that
 * the levels it reads are always the startup levels plus exactly the filter the state names, never a mix.
 */
class LevelControllerConcurrencyTest {

	private static final List<String> FILTERS = List.of("debug,t.a=trace,t.b=off", "warn,t.b=debug,t.c=trace",
			"t.a=error,t.c=debug,t.d=trace", "trace,t.d=off,t.e=debug", "error,t.a=debug,t.b=trace,t.c=off,t.d=warn",
			"t.e=trace");

	private static final List<String> TRACKED = List.of("ROOT", "t.a", "t.b", "t.c", "t.d", "t.e");

	private static final int WRITERS = 8;

	private static final int CHANGES_PER_WRITER = 300;

	@Test
	void observerOnlyEverSeesTheStartupLevelsOrExactlyOneFilter() throws Exception {
		LoggerContext context = new LoggerContext();
		context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
		context.getLogger("t.b").setLevel(Level.WARN);
		context.getLogger("t.d").setLevel(Level.ERROR);
		LevelController controller = new LevelController(context);
		Map<String, FilterLevel> startup = tracked(LogFilter.parseStrict(controller.startupFilter()));
		Map<String, Map<String, FilterLevel>> expectedByFilter = new HashMap<>();
		for (String filter : FILTERS) {
			expectedByFilter.put(LogFilter.parseStrict(filter).toFilterString(),
					tracked(LogFilter.parseStrict(filter).mergedOver(LogFilter.parseStrict(controller.startupFilter()))));
		}
		assertThat(expectedByFilter.values()).doesNotHaveDuplicates().doesNotContain(startup);

		Queue<String> violations = new ConcurrentLinkedQueue<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger observations = new AtomicInteger();
		AtomicInteger overridesSeen = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<?> observer = threads.submit(() -> {
				start.await();
				while (true) {
					// Read the flag before observing: the last pass then sees the state after the final reset.
					boolean writersDone = !writing.get();
					LevelState state = controller.state();
					Map<String, FilterLevel> seen = tracked(LogFilter.parseStrict(state.filter()));
					Map<String, FilterLevel> expected;
					if (state.overrides().isEmpty()) {
						expected = startup;
					}
					else {
						overridesSeen.incrementAndGet();
						expected = expectedByFilter.get(filterOf(state.overrides()));
					}
					if (!seen.equals(expected)) {
						violations.add("saw " + seen + " with overrides " + state.overrides() + ", expected " + expected);
					}
					observations.incrementAndGet();
					if (writersDone && observations.get() >= 1000) {
						return null;
					}
				}
			});
			List<Future<?>> writers = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				writers.add(threads.submit(() -> {
					start.await();
					ThreadLocalRandom random = ThreadLocalRandom.current();
					for (int change = 0; change < CHANGES_PER_WRITER; change++) {
						if (random.nextInt(20) == 0) {
							controller.reset("writer");
						}
						else {
							String filter = FILTERS.get(random.nextInt(FILTERS.size()));
							// Expiries from 1 ms race with the writers; 1 h ones never fire during the test.
							Duration ttl = random.nextBoolean() ? Duration.ofMillis(1 + random.nextInt(20))
									: Duration.ofHours(1);
							controller.apply(LogFilter.parseStrict(filter), ttl, "race", "writer");
						}
						if (random.nextInt(4) == 0) {
							Thread.sleep(0, random.nextInt(500_000));
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get(60, TimeUnit.SECONDS);
			}
			// However the race ended (a 1 h override may be in force), the observer's last pass sees a reset.
			controller.reset("writer");
			writing.set(false);
			observer.get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(violations).isEmpty();
		assertThat(overridesSeen.get()).as("the observer saw changes in force").isPositive();
		assertThat(observations.get() - overridesSeen.get()).as("the observer saw the startup levels").isPositive();

		controller.apply(LogFilter.parseStrict(FILTERS.get(0)), Duration.ofMillis(50), "last", "writer");
		await().atMost(Duration.ofSeconds(5)).until(() -> controller.state().overrides().isEmpty());
		assertThat(controller.state().filter()).isEqualTo(controller.startupFilter());
		controller.close();
	}

	/** The levels of the tracked loggers, {@code null} for one without a level of its own. */
	private static Map<String, FilterLevel> tracked(LogFilter filter) {
		Map<String, FilterLevel> levels = new HashMap<>();
		for (String name : TRACKED) {
			levels.put(name, name.equals("ROOT") ? filter.rootLevel().orElse(null) : filter.targetLevels().get(name));
		}
		return levels;
	}

	private static String filterOf(List<LevelOverride> overrides) {
		StringBuilder filter = new StringBuilder();
		for (LevelOverride override : overrides) {
			if (!filter.isEmpty()) {
				filter.append(',');
			}
			filter.append(override.target().equals("ROOT") ? override.level()
					: override.target() + "=" + override.level());
		}
		return filter.toString();
	}

}
