package io.github.dynamologging.hardening;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.schema.LineProblem;
import io.github.dynamologging.schema.LogLineValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 threads × 50,000 events through the {@code CONSOLE} appender exactly as an application gets it
 * (Boot's logging initialisation, then the starter's installer, JSONL on stderr), with stderr pointed at
 * a file: exactly 400,000 lines, each valid, none torn, every (thread, seq) once and in order per thread.
 */
class LoadConsoleAppenderTest {

	private static final int THREADS = 8;

	private static final int EVENTS_PER_THREAD = 50_000;

	private static final String TARGET = "hardening.load.Console";

	private static final JsonFactory JSON = new JsonFactory();

	@Test
	void eightThreadsOfFiftyThousandEventsGiveExactlyFourHundredThousandValidLines(@TempDir Path directory)
			throws Exception {
		Path log = directory.resolve("stderr.jsonl");
		PrintStream originalErr = System.err;
		long startNanos;
		long loggedNanos;
		try (PrintStream fileErr = new PrintStream(new BufferedOutputStream(Files.newOutputStream(log), 1 << 16),
				false, StandardCharsets.UTF_8)) {
			// Logback's System.err target looks the stream up on every write, so redirecting it is enough.
			System.setErr(fileErr);
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Empty.class)
				.web(WebApplicationType.NONE)
				.properties("dynamo.logging.format=jsonl", "spring.main.banner-mode=off")
				.run()) {
				assertConsoleIsTheStartersJsonlOnStderr();
				startNanos = System.nanoTime();
				logConcurrently();
				loggedNanos = System.nanoTime() - startNanos;
			}
		}
		finally {
			System.setErr(originalErr);
		}
		long checkStart = System.nanoTime();
		List<LineProblem> problems = validateInParallel(log);
		long validateNanos = System.nanoTime() - checkStart;
		LineCounts counts = countLoadLines(log);
		long checkNanos = System.nanoTime() - checkStart;
		long expected = (long) THREADS * EVENTS_PER_THREAD;
		System.out.printf("[hardening] load CONSOLE appender (JSONL, stderr to a file): %d threads x %,d events: "
				+ "%,d lines from the test logger (expected %,d), %,d other lines, %,d invalid lines, "
				+ "%,d out of order or repeated; logged in %,d ms (%,.0f lines/s); %,d bytes; "
				+ "schema-validated in %,d ms, all checks %,d ms%n",
				THREADS, EVENTS_PER_THREAD, counts.loadLines(), expected, counts.lines() - counts.loadLines(),
				problems.size(), counts.outOfOrder(), loggedNanos / 1_000_000,
				counts.loadLines() / (loggedNanos / 1e9), Files.size(log), validateNanos / 1_000_000,
				checkNanos / 1_000_000);
		assertThat(problems).as("schema problems").isEmpty();
		assertThat(counts.outOfOrder()).as("lines out of order or repeated").isZero();
		int[] all = new int[THREADS];
		Arrays.fill(all, EVENTS_PER_THREAD);
		assertThat(counts.perThread()).as("lines per thread").isEqualTo(all);
		assertThat(counts.loadLines()).isEqualTo(expected);
	}

	private static void assertConsoleIsTheStartersJsonlOnStderr() {
		Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
		assertThat(root.getAppender("CONSOLE")).isInstanceOfSatisfying(ConsoleAppender.class, (console) -> {
			assertThat(console.getTarget()).isEqualTo("System.err");
			assertThat(console.getEncoder()).isInstanceOf(DynamoJsonlEncoder.class);
		});
	}

	private static void logConcurrently() throws Exception {
		org.slf4j.Logger log = LoggerFactory.getLogger(TARGET);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					start.await();
					for (int seq = 0; seq < EVENTS_PER_THREAD; seq++) {
						log.atInfo().addKeyValue("load_thread", thread).addKeyValue("load_seq", seq).log("load event");
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Every line through the shipped validator, on all cores: strict UTF-8 decoding fails on a broken byte,
	 * and a torn or interleaved line fails to parse. Returns one problem per invalid line.
	 */
	private static List<LineProblem> validateInParallel(Path log) throws IOException {
		LogLineValidator validator = LogLineValidator.strict();
		try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
			return lines.parallel()
				.map(validator::validateLine)
				.filter((problems) -> !problems.isEmpty())
				.map((problems) -> problems.get(0))
				.toList();
		}
	}

	/**
	 * Reads the file line by line with a streaming parser; a load line out of order is one whose sequence
	 * number is not the next of its thread (a repeat, a gap or a swap).
	 */
	private static LineCounts countLoadLines(Path log) throws IOException {
		int[] perThread = new int[THREADS];
		long lines = 0;
		long loadLines = 0;
		long outOfOrder = 0;
		try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines++;
				String target = null;
				int thread = -1;
				int seq = -1;
				try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), line)) {
					parser.nextToken();
					while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String name = parser.currentName();
						parser.nextToken();
						switch (name) {
							case "target" -> target = parser.getString();
							case "load_thread" -> thread = parser.getIntValue();
							case "load_seq" -> seq = parser.getIntValue();
							default -> parser.skipChildren();
						}
					}
				}
				if (TARGET.equals(target)) {
					loadLines++;
					if (seq != perThread[thread]) {
						outOfOrder++;
					}
					perThread[thread]++;
				}
			}
		}
		return new LineCounts(lines, loadLines, outOfOrder, perThread);
	}

	private record LineCounts(long lines, long loadLines, long outOfOrder, int[] perThread) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
