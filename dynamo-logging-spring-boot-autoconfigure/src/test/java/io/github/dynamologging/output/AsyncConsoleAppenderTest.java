package io.github.dynamologging.output;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.testing.CapturedJsonLines;
import io.github.dynamologging.testing.ConcurrentProducers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async console on a private Logback context, writing JSONL through the real encoder into a sink that
 * can be made slow: what is written, what is dropped, and that the two add up exactly.
 */
class AsyncConsoleAppenderTest {

	private static final String REPORT_TARGET = AsyncConsoleAppender.class.getName();

	private final LoggerContext context = new LoggerContext();

	private CapturedJsonLines sink;

	private AsyncConsoleAppender async;

	@AfterEach
	void stop() {
		if (this.async != null) {
			this.async.stop();
		}
		this.context.stop();
	}

	private Logger start(long nanosPerLine, int queueSize, Duration shutdownTimeout) {
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.sink = new CapturedJsonLines(nanosPerLine);
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setContext(this.context);
		encoder.start();
		OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
		console.setContext(this.context);
		console.setName(ConsoleOutputInstaller.SYNC_CONSOLE_APPENDER);
		console.setEncoder(encoder);
		console.setOutputStream(this.sink);
		this.async = new AsyncConsoleAppender(console, queueSize, shutdownTimeout, true);
		this.async.setContext(this.context);
		this.async.start();
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.TRACE);
		root.addAppender(this.async);
		return this.context.getLogger("hardening.async");
	}

	@Test
	void aFullQueueDropsAndCountsExactlyAndEveryWrittenLineIsJson() throws Exception {
		Logger log = start(TimeUnit.MICROSECONDS.toNanos(100), 64, Duration.ofSeconds(30));
		int threads = 8;
		int perThread = 2_000;
		long started = System.nanoTime();
		ConcurrentProducers.run(threads, (thread) -> {
			for (int i = 0; i < perThread; i++) {
				log.atInfo().addKeyValue("producer", thread).addKeyValue("n", i).log("event");
			}
		});
		long produced = (long) threads * perThread;
		long dropped = this.async.droppedTotal();
		this.async.stop();
		long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		List<JsonNode> lines = this.sink.jsonLines();
		List<JsonNode> events = lines.stream().filter((line) -> line.get("target").stringValue().equals("hardening.async")).toList();
		List<JsonNode> reports = lines.stream().filter((line) -> line.get("target").stringValue().equals(REPORT_TARGET)).toList();
		assertThat(events.size() + reports.size()).isEqualTo(lines.size());
		Set<String> distinct = new HashSet<>();
		events.forEach((line) -> distinct.add(line.get("producer").asInt() + ":" + line.get("n").asInt()));
		assertThat(distinct).hasSize(events.size());
		assertThat(dropped).isPositive();
		assertThat(events.size() + dropped).isEqualTo(produced);
		assertThat(reports).isNotEmpty().allSatisfy((report) -> {
			assertThat(report.get("level").stringValue()).isEqualTo("WARN");
			assertThat(report.get("message").stringValue()).isEqualTo(AsyncConsoleWriter.MESSAGE);
			assertThat(report.get("queue_size").asInt()).isEqualTo(64);
			assertThat(report.get("file").stringValue()).isEqualTo("io/github/dynamologging/output/AsyncConsoleWriter.java");
		});
		// The first report comes as soon as the queue has room, the last when the appender stops, none between
		// (less than a minute passed): together they account for every drop.
		assertThat(reports.stream().mapToLong((report) -> report.get("dropped").asLong()).sum()).isEqualTo(dropped);
		assertThat(reports.get(reports.size() - 1).get("dropped_total").asLong()).isEqualTo(dropped);
		assertThat(reports).hasSizeLessThanOrEqualTo(2);
		System.out.printf("[hardening] async fill: threads=%d produced=%d written=%d dropped=%d reports=%d queue=64 sink=100us/line elapsed=%dms%n",
				threads, produced, events.size(), dropped, reports.size(), elapsedMs);
	}

	@Test
	void underNormalLoadNothingIsDroppedAndCallerAndMdcAreTheLoggingThreads() throws Exception {
		Logger log = start(0, 8192, Duration.ofSeconds(30));
		int threads = 4;
		int perThread = 500;
		int callerLine = ConcurrentProducers.logAsRequests(log, threads, perThread);
		this.async.stop();
		List<JsonNode> lines = this.sink.jsonLines();
		assertThat(this.async.droppedTotal()).isZero();
		assertThat(lines).hasSize(threads * perThread);
		ConcurrentProducers.assertLoggedByTheirProducers(lines, callerLine);
		System.out.printf("[hardening] async normal load: threads=%d produced=%d written=%d dropped=%d%n", threads,
				threads * perThread, lines.size(), this.async.droppedTotal());
	}

	@Test
	void stoppingWritesEverythingQueuedWithinTheTimeout() {
		Logger log = start(TimeUnit.MILLISECONDS.toNanos(1), 1024, Duration.ofSeconds(5));
		int produced = 500;
		for (int i = 0; i < produced; i++) {
			log.info("queued {}", i);
		}
		long started = System.nanoTime();
		this.async.stop();
		long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		assertThat(this.sink.jsonLines()).hasSize(produced);
		assertThat(this.async.droppedTotal()).isZero();
		System.out.printf("[hardening] async stop flush: queued=%d written=%d stop=%dms budget=5000ms sink=1ms/line%n",
				produced, this.sink.jsonLines().size(), stopMs);
	}

	@Test
	void whatTheShutdownTimeoutLeavesUnwrittenIsReportedNotSilentlyLost() {
		Logger log = start(TimeUnit.MILLISECONDS.toNanos(5), 1024, Duration.ofMillis(200));
		int produced = 400;
		for (int i = 0; i < produced; i++) {
			log.info("queued {}", i);
		}
		long started = System.nanoTime();
		this.async.stop();
		long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		// When the worker is still writing at the deadline (a loaded machine), it writes the last line itself
		// right after: wait for it, boundedly.
		List<JsonNode> lines = linesEndingWithTheReport(Duration.ofSeconds(10));
		JsonNode report = lines.get(lines.size() - 1);
		assertThat(report.get("target").stringValue()).isEqualTo(REPORT_TARGET);
		long written = lines.size() - 1;
		long unwritten = report.get("unwritten_at_shutdown").asLong();
		assertThat(written).isLessThan(produced);
		assertThat(written + unwritten).isEqualTo(produced);
		assertThat(report.get("dropped").asLong()).isEqualTo(unwritten);
		System.out.printf("[hardening] async stop past budget: queued=%d written=%d reported_unwritten=%d stop=%dms budget=200ms sink=5ms/line%n",
				produced, written, unwritten, stopMs);
	}

	private List<JsonNode> linesEndingWithTheReport(Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		List<JsonNode> lines = this.sink.jsonLines();
		while (System.nanoTime() - deadline < 0 && (lines.isEmpty()
				|| !lines.get(lines.size() - 1).get("target").stringValue().equals(REPORT_TARGET))) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
			lines = this.sink.jsonLines();
		}
		return lines;
	}

	@Test
	void queueSizeIsRoundedUpToAPowerOfTwo() {
		assertThat(AsyncConsoleAppender.ringSize(1)).isEqualTo(1);
		assertThat(AsyncConsoleAppender.ringSize(2)).isEqualTo(2);
		assertThat(AsyncConsoleAppender.ringSize(1000)).isEqualTo(1024);
		assertThat(AsyncConsoleAppender.ringSize(8192)).isEqualTo(8192);
		assertThat(AsyncConsoleAppender.ringSize(OutputProperties.Async.MAX_QUEUE_SIZE))
			.isEqualTo(OutputProperties.Async.MAX_QUEUE_SIZE);
	}


}
