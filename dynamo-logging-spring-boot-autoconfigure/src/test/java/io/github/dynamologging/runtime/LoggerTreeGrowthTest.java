package io.github.dynamologging.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.filter.LogFilter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Keeps working": no write can grow the process without bound. Logback keeps every logger it was asked for,
 * so a 4 KiB directive such as {@code p000.a.a.a…=debug} (2,041 parts) used to create about 2,000 nested
 * loggers holding about 5 MB for good, and about 100 such requests ended in OutOfMemoryError. Now the names
 * and the number of loggers changes may create are bounded, and checked before Logback is touched.
 */
class LoggerTreeGrowthTest {

	/** What the heap may hold more after the requests than before, once collected: the loggers the limit allows and noise. */
	private static final long HEAP_ALLOWANCE = 8L * 1024 * 1024;

	/** The directive of the report: 2,041 parts under a new top-level name each time. */
	private static String deepDirective(int i) {
		return "p%03d".formatted(i) + ".a".repeat(2041) + "=debug";
	}

	/**
	 * The largest filter the other limits let through that creates as many loggers as it can: 15 directives of
	 * 32 parts and about 250 characters under a new top-level name each time (about 3.9 KiB, 480 new loggers).
	 */
	private static String widestLegalFilter(int i) {
		return IntStream.range(0, 15)
			.mapToObj((d) -> "q%04d.d%02d".formatted(i, d) + ".segment".repeat(30) + "=debug")
			.collect(Collectors.joining(","));
	}

	@Test
	void aThousandChangesNamingNewDeepLoggersLeaveTheHeapWhereItWas() {
		LoggerContext context = new LoggerContext();
		LoggerCreationLimits limits = LoggerCreationLimits.defaults();
		ChangeRules rules = new ChangeRules(Duration.ofMinutes(10), Duration.ofHours(1));
		try (LevelController controller = new LevelController(context, limits)) {
			int loggersBefore = context.getLoggerList().size();
			long heapBefore = usedHeapAfterGc();
			int deepRefused = 0;
			int legalApplied = 0;
			for (int i = 0; i < 1000; i++) {
				boolean deep = i % 2 == 0;
				String filter = deep ? deepDirective(i) : widestLegalFilter(i);
				try {
					controller.apply(rules.parseFilter(filter), Duration.ofMinutes(10), "growth", "mallory");
					assertThat(deep).as("the deep directive %d was applied", i).isFalse();
					legalApplied++;
				}
				catch (InvalidChangeException ex) {
					deepRefused += deep ? 1 : 0;
					assertThat(ex.getMessage()).contains(deep ? "dynamo.logging.dynlog.max-target-length"
							: "dynamo.logging.dynlog.max-new-loggers");
				}
				assertThat(context.getLoggerList().size()).as("loggers after change %d", i)
					.isLessThanOrEqualTo(loggersBefore + limits.maxNewLoggers());
			}
			long heapAfter = usedHeapAfterGc();
			System.out.printf("[hardening] logger tree growth, 1000 changes: deep_refused=%d legal_applied=%d "
					+ "loggers=%d->%d heap_after_gc=%.1f->%.1f MiB%n", deepRefused, legalApplied, loggersBefore,
					context.getLoggerList().size(), heapBefore / 1048576.0, heapAfter / 1048576.0);
			assertThat(deepRefused).isEqualTo(500);
			assertThat(legalApplied).as("until the limit was reached").isEqualTo(2);
			assertThat(heapAfter - heapBefore).isLessThan(HEAP_ALLOWANCE);
		}
	}

	@Test
	void deepAndNewLoggersOverHttpAreRefusedWith400AndLeaveTheHeapWhereItWas() throws Exception {
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class },
				"management.endpoints.web.exposure.include=dynlog,loggers", "dynamo.logging.dynlog.max-new-loggers=600")) {
			// Warm up what the first requests load and cache once.
			for (int i = 0; i < 20; i++) {
				assertThat(app.post("/actuator/dynlog", "{\"filter\":\"com.example=debug\"}").statusCode()).isEqualTo(200);
			}
			int loggersBefore = logback.getLoggerList().size();
			long heapBefore = usedHeapAfterGc();
			int refused = 0;
			for (int i = 0; i < 100; i++) {
				String filter = (i % 2 == 0) ? deepDirective(i) : widestLegalFilter(i);
				HttpResponse<String> answer = app.post("/actuator/dynlog",
						"{\"filter\":" + RunningApp.JSON.writeValueAsString(filter) + "}");
				if (answer.statusCode() == 400) {
					refused++;
					assertThat(json(answer).get("message").stringValue())
						.contains((i % 2 == 0) ? "max-target-length" : "max-new-loggers");
				}
				else {
					assertThat(i % 2).as("deep directive %d answered %d", i, answer.statusCode()).isOne();
				}
			}
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
			long heapAfter = usedHeapAfterGc();
			System.out.printf("[hardening] logger tree growth over HTTP, 100 POSTs: refused=%d loggers=%d->%d "
					+ "heap_after_gc=%.1f->%.1f MiB%n", refused, loggersBefore, logback.getLoggerList().size(),
					heapBefore / 1048576.0, heapAfter / 1048576.0);
			assertThat(refused).isEqualTo(99);
			assertThat(logback.getLoggerList().size()).isLessThanOrEqualTo(loggersBefore + 600);
			assertThat(logback.exists("p000")).isNull();
			assertThat(heapAfter - heapBefore).isLessThan(HEAP_ALLOWANCE);
		}
	}

	/** The least heap in use over a few full collections: the live set, without what one collection left. */
	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long least = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
		}
		return least;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
