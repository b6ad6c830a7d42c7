package io.github.dynamologging.hardening;

import java.io.FilterOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.github.dynamologging.testing.CapturedJsonLines;
import io.github.dynamologging.testing.ConcurrentProducers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async console in a real Spring Boot application (Boot's own logging initialisation, the starter's
 * installer, actuator's meter registry), writing JSONL to a stderr that can be made slow: every byte on
 * stderr is a JSON line, drops add up exactly, the metric says how many, and closing the context writes
 * what is queued.
 */
class AsyncOutputTest {

	private static final String TARGET = "hardening.async.app";

	private static final String DROPPED_METRIC = "dynamo.logging.events.dropped";

	private final PrintStream originalErr = System.err;

	private CapturedJsonLines stderr;

	@AfterEach
	void restoreStderr() {
		// Stop the async console this test installed (it would go on writing to the captured stream).
		stopConsole();
		System.setErr(this.originalErr);
	}

	/** What Boot's logging shutdown hook does to the console at JVM exit: detach and stop it. */
	private static void stopConsole() {
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
		if (console != null) {
			root.detachAppender(console);
			console.stop();
		}
	}

	private ConfigurableApplicationContext start(long nanosPerLine, String... properties) {
		this.stderr = new CapturedJsonLines(nanosPerLine);
		return start(this.stderr.printStream(), properties);
	}

	private ConfigurableApplicationContext start(PrintStream err, String... properties) {
		System.setErr(err);
		List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--dynamo.logging.format=jsonl", "--dynamo.logging.async.enabled=true"));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(args::add);
		return new SpringApplicationBuilder(App.class).run(args.toArray(String[]::new));
	}

	@Test
	void aFullQueueDropsCountedExactlyInTheMetricAndStderrHoldsOnlyJsonLines() throws Exception {
		ConfigurableApplicationContext context = start(TimeUnit.MICROSECONDS.toNanos(200),
				"dynamo.logging.async.queue-size=64");
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		this.stderr.clear();
		org.slf4j.Logger log = LoggerFactory.getLogger(TARGET);
		int threads = 8;
		int perThread = 1_000;
		ConcurrentProducers.run(threads, (thread) -> {
			for (int i = 0; i < perThread; i++) {
				log.atInfo().addKeyValue("producer", thread).addKeyValue("n", i).log("event");
			}
		});
		long closeStarted = System.nanoTime();
		context.close();
		long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStarted);
		double metric = registry.get(DROPPED_METRIC).functionCounter().count();
		List<JsonNode> lines = this.stderr.jsonLines();
		long written = lines.stream().filter((line) -> TARGET.equals(line.get("target").stringValue())).count();
		long produced = (long) threads * perThread;
		assertThat(metric).isPositive();
		assertThat(written + (long) metric).isEqualTo(produced);
		List<JsonNode> reports = reports(lines);
		assertThat(reports).isNotEmpty();
		assertThat(reports.get(0).get("level").stringValue()).isEqualTo("WARN");

		// Stopping the console (as Boot's shutdown hook does at JVM exit) reports the drops not yet reported.
		restoreStderr();
		List<JsonNode> all = this.stderr.jsonLines();
		assertThat(reports(all).stream().mapToLong((report) -> report.get("dropped").asLong()).sum())
			.isEqualTo((long) metric);
		System.out.printf("[hardening] async app fill: threads=%d produced=%d written=%d dropped(metric)=%d reports=%d close=%dms queue=64 stderr=200us/line%n",
				threads, produced, written, (long) metric, reports(all).size(), closeMs);
	}

	@Test
	void normalLoadLosesNothingAndKeepsTheCallersFileLineAndMdc() throws Exception {
		ConfigurableApplicationContext context = start(0);
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		this.stderr.clear();
		org.slf4j.Logger log = LoggerFactory.getLogger(TARGET);
		int threads = 4;
		int perThread = 250;
		int callerLine = ConcurrentProducers.logAsRequests(log, threads, perThread);
		context.close();
		List<JsonNode> lines = this.stderr.jsonLines().stream()
			.filter((line) -> TARGET.equals(line.get("target").stringValue()))
			.toList();
		assertThat(registry.get(DROPPED_METRIC).functionCounter().count()).isZero();
		assertThat(lines).hasSize(threads * perThread);
		ConcurrentProducers.assertLoggedByTheirProducers(lines, callerLine);
		System.out.printf("[hardening] async app normal load: threads=%d produced=%d written=%d dropped=0%n", threads,
				threads * perThread, lines.size());
	}

	@Test
	void closingTheContextWritesEverythingQueuedWithinTheBudget() {
		ConfigurableApplicationContext context = start(TimeUnit.MILLISECONDS.toNanos(1),
				"dynamo.logging.async.queue-size=4096", "dynamo.logging.async.shutdown-timeout=5s");
		this.stderr.clear();
		org.slf4j.Logger log = LoggerFactory.getLogger(TARGET);
		int produced = 1_000;
		for (int i = 0; i < produced; i++) {
			log.info("queued {}", i);
		}
		long queuedAtClose = produced - this.stderr.jsonLines().size();
		long started = System.nanoTime();
		context.close();
		long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		List<JsonNode> written = this.stderr.jsonLines().stream()
			.filter((line) -> TARGET.equals(line.get("target").stringValue()))
			.toList();
		assertThat(written).hasSize(produced);
		assertThat(reports(this.stderr.jsonLines())).isEmpty();
		System.out.printf("[hardening] async app close flush: produced=%d queued_at_close=%d written=%d close=%dms budget=5000ms stderr=1ms/line%n",
				produced, queuedAtClose, written.size(), closeMs);
	}

	@Test
	void closingAndThenStoppingWaitAtMostTheShutdownTimeoutTogetherAndCountWhatIsLeft() throws Exception {
		long timeoutMs = 3_000;
		ConfigurableApplicationContext context = start(TimeUnit.MILLISECONDS.toNanos(5),
				"dynamo.logging.async.queue-size=4096", "dynamo.logging.async.shutdown-timeout=" + timeoutMs + "ms");
		org.slf4j.Logger log = LoggerFactory.getLogger(TARGET);
		int produced = 2_000;
		for (int i = 0; i < produced; i++) {
			log.info("queued {}", i);
		}
		long started = System.nanoTime();
		context.close();
		stopConsole();
		long shutdownMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		// The bound is the budget plus a margin for a busy machine, well below twice the budget.
		assertThat(shutdownMs).isLessThan(timeoutMs + 2_000);
		JsonNode last = awaitLastLine();
		long written = this.stderr.jsonLines().stream()
			.filter((line) -> TARGET.equals(line.get("target").stringValue()))
			.count();
		assertThat(last.get("unwritten_at_shutdown").asLong()).isPositive()
			.isEqualTo(produced - written);
		System.out.printf("[hardening] async app shutdown with a slow console: produced=%d written=%d unwritten=%d close+stop=%dms budget=%dms stderr=5ms/line%n",
				produced, written, produced - written, shutdownMs, timeoutMs);
	}

	@Test
	void aConsoleThatBlocksHoldsTheShutdownNoLongerThanTheTimeout() throws Exception {
		long timeoutMs = 2_000;
		CapturedJsonLines captured = new CapturedJsonLines(0);
		CountDownLatch release = new CountDownLatch(1);
		ConfigurableApplicationContext context = start(new PrintStream(new FilterOutputStream(captured) {
			@Override
			public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
				awaitRelease(release);
				captured.write(bytes, offset, length);
			}

			@Override
			public void write(int b) {
				awaitRelease(release);
				captured.write(b);
			}
		}, true, StandardCharsets.UTF_8), "dynamo.logging.async.shutdown-timeout=" + timeoutMs + "ms");
		this.stderr = captured;
		org.slf4j.Logger log = LoggerFactory.getLogger(TARGET);
		for (int i = 0; i < 100; i++) {
			log.info("stuck {}", i);
		}
		Thread shutdown = new Thread(() -> {
			context.close();
			stopConsole();
		});
		long started = System.nanoTime();
		shutdown.start();
		shutdown.join(timeoutMs + 5_000);
		long shutdownMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		boolean returned = !shutdown.isAlive();
		release.countDown();
		shutdown.join();
		assertThat(returned).as("close and stop returned while the console was blocked").isTrue();
		assertThat(shutdownMs).isLessThan(timeoutMs + 2_000);
		// Once the console writes again, the worker finishes its write and counts what was left.
		JsonNode last = awaitLastLine();
		assertThat(last.get("unwritten_at_shutdown").asLong()).isPositive();
		System.out.printf("[hardening] async app shutdown with a blocked console: close+stop=%dms budget=%dms unwritten=%d%n",
				shutdownMs, timeoutMs, last.get("unwritten_at_shutdown").asLong());
	}

	private static void awaitRelease(CountDownLatch release) {
		try {
			release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The console's last line, the count of what was left, once it is written (the worker may write it). */
	private JsonNode awaitLastLine() throws InterruptedException {
		for (int attempt = 0; attempt < 200; attempt++) {
			List<JsonNode> reports = reports(this.stderr.jsonLines());
			if (!reports.isEmpty() && reports.get(reports.size() - 1).has("unwritten_at_shutdown")) {
				return reports.get(reports.size() - 1);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no last line counting the unwritten events in " + this.stderr.text());
	}

	private static List<JsonNode> reports(List<JsonNode> lines) {
		return lines.stream()
			.filter((line) -> "Dropped log lines: the async log queue was full (at most one such line a minute)"
				.equals(line.get("message").stringValue()))
			.toList();
	}


	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
