package io.github.dynamologging.hardening;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.format.DynamoReadableEncoder;
import io.github.dynamologging.testing.VirtualThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.spi.MDCAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What logging from many virtual threads costs in memory, through the starter's encoders on a Logback appender
 * (docs/performance.md, "Virtual threads"). A virtual thread per request means a new thread for nearly every
 * line, and as many threads at once as requests in progress: whatever an encoder keeps per thread would be made
 * again for each, and held by each. Prints the figures; checks that no running virtual thread holds a buffer of
 * its own because it logged, and that nothing stays on the heap once the threads have ended, however many logged.
 */
class VirtualThreadBuffersIT {

	private static final List<Integer> THREAD_COUNTS = List.of(10_000, 100_000);

	/** Threads started, then joined, at a time, for the short-lived threads. */
	private static final int BATCH = 1_000;

	/** What may stay on the heap after GC for any number of threads that ended: GC noise, a pool's few writers. */
	private static final long HEAP_SLACK = 8L << 20;

	/**
	 * What a running virtual thread may hold because it logged: Logback's own thread locals (the MDC's read-only
	 * copy, the appender's re-entry guard) take about 0.2 KB, with Logback's pattern encoder too; a line writer
	 * of the thread's own took 18 KB (JSONL) or 1.4 KB (READABLE) more.
	 */
	private static final long PER_RUNNING_THREAD = 1024;

	@BeforeAll
	static void requireVirtualThreads() {
		VirtualThreads.requireJdk21();
	}

	@ParameterizedTest
	@ValueSource(strings = { "jsonl", "readable", "logback-pattern" })
	void virtualThreadsThatLoggedAndAreStillRunningHoldNoBufferEach(String format) throws Exception {
		Lines lines = new Lines(format);
		// Warm-up: the JIT's allocation removal changes what a line allocates.
		inProgressAtOnce(lines, 10_000, true);
		inProgressAtOnce(lines, 10_000, false);
		Map<Integer, Long> retainedByThreads = new LinkedHashMap<>();
		for (int threads : THREAD_COUNTS) {
			// The heap after GC moves by a few MB from run to run: the median of three for the fewer threads.
			List<Long> runs = new ArrayList<>();
			for (int run = 0; run < ((threads < 100_000) ? 3 : 1); run++) {
				runs.add(inProgressAtOnce(lines, threads, true) - inProgressAtOnce(lines, threads, false));
			}
			long retained = runs.stream().sorted().toList().get(runs.size() / 2);
			retainedByThreads.put(threads, retained);
			System.out.printf("[vthreads] %s: %,d virtual threads in progress at once, each after logging a line: "
					+ "heap after GC %,d KB more than without the line (%,d B a thread)%n", format, threads,
					retained >> 10, retained / threads);
		}
		retainedByThreads.forEach((threads, retained) -> assertThat(retained / threads)
			.as("heap held a thread by %,d virtual threads' logging while they run", threads)
			.isLessThan(PER_RUNNING_THREAD));
	}

	@ParameterizedTest
	@ValueSource(strings = { "jsonl", "readable" })
	void shortLivedThreadsLeaveNothingOnTheHeapAndReportWhatALineAllocates(String format) throws Exception {
		Lines lines = new Lines(format);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Starter pooled = (body) -> pool.submit(body);
			Starter platform = started(Thread::new);
			Starter virtual = started(VirtualThreads.factory());
			for (Starter kind : List.of(pooled, platform, virtual)) {
				shortLived(lines, kind, 10_000, true);
				shortLived(lines, kind, 10_000, false);
			}
			// A line's allocation does not depend on how many threads logged: a new platform thread each, the
			// slowest to run, is measured once.
			long platformLine = perLine(lines, platform, THREAD_COUNTS.get(0));
			StringBuilder allocation = new StringBuilder();
			for (int threads : THREAD_COUNTS) {
				long pooledLine = perLine(lines, pooled, threads);
				Run virtualRun = shortLived(lines, virtual, threads, true);
				long virtualLine = (virtualRun.allocated() - shortLived(lines, virtual, threads, false).allocated())
						/ threads;
				allocation.append(String.format("%n[vthreads] %s: %,d lines allocate per line: %,d B on 4 pooled platform "
						+ "threads, %,d B on a new virtual thread each (%,d B on a new platform thread each, of %,d); heap "
						+ "after GC once the %,d virtual threads ended: %+,d KB", format, threads, pooledLine, virtualLine,
						platformLine, THREAD_COUNTS.get(0), threads, virtualRun.heapGrowth() >> 10));
				assertThat(virtualRun.heapGrowth()).as("heap left after %,d short-lived virtual threads logged", threads)
					.isLessThan(HEAP_SLACK);
			}
			System.out.println(allocation.substring(1));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long perLine(Lines lines, Starter kind, int threads) throws Exception {
		return (shortLived(lines, kind, threads, true).allocated() - shortLived(lines, kind, threads, false).allocated())
				/ threads;
	}

	/**
	 * Runs {@code threads} bodies, {@value #BATCH} at a time, each on its own thread of {@code kind}: the MDC gets a
	 * request id, then the body logs one line if asked to, then the MDC is cleared.
	 */
	private static Run shortLived(Lines lines, Starter kind, int threads, boolean logLine) throws Exception {
		long heapBefore = usedHeapAfterGc();
		long allocatedBefore = VirtualThreads.totalAllocatedBytes();
		List<Future<?>> batch = new ArrayList<>(BATCH);
		for (int i = 0; i < threads; i++) {
			int n = i;
			batch.add(kind.start(() -> lines.asRequest(n, logLine)));
			if (batch.size() == BATCH || i == threads - 1) {
				for (Future<?> body : batch) {
					body.get(60, TimeUnit.SECONDS);
				}
				batch.clear();
			}
		}
		long allocated = VirtualThreads.totalAllocatedBytes() - allocatedBefore;
		return new Run(allocated, usedHeapAfterGc() - heapBefore);
	}

	/**
	 * The heap after GC while {@code threads} virtual threads are in progress at once, as requests waiting on I/O
	 * are, each having logged a line first if asked to. They start one after the other, each once the previous
	 * has logged: a thread that waited for the appender's lock mid-line keeps its deeper stack frozen on the heap,
	 * a cost of the lock (Logback's) that would blur what logging itself leaves behind.
	 */
	private static long inProgressAtOnce(Lines lines, int threads, boolean logLine) throws Exception {
		CountDownLatch logged = new CountDownLatch(threads);
		CountDownLatch release = new CountDownLatch(1);
		ThreadFactory factory = VirtualThreads.factory();
		List<Thread> running = new ArrayList<>(threads);
		for (int i = 0; i < threads; i++) {
			int n = i;
			CountDownLatch thisOneLogged = new CountDownLatch(1);
			Thread thread = factory.newThread(() -> {
				try {
					lines.mdc.put("x_request_id", "request-" + n);
					if (logLine) {
						lines.log(n);
					}
				}
				finally {
					thisOneLogged.countDown();
					logged.countDown();
				}
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				lines.mdc.clear();
			});
			thread.start();
			running.add(thread);
			thisOneLogged.await(60, TimeUnit.SECONDS);
		}
		boolean allLogged = logged.await(120, TimeUnit.SECONDS);
		long heap = usedHeapAfterGc();
		release.countDown();
		assertThat(allLogged).as("%,d virtual threads logged within 120 s", threads).isTrue();
		for (Thread thread : running) {
			thread.join(TimeUnit.SECONDS.toMillis(60));
			assertThat(thread.isAlive()).as("%s still runs after 60 s", thread).isFalse();
		}
		return heap;
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static Starter started(ThreadFactory factory) {
		return (body) -> {
			FutureTask<Object> task = new FutureTask<>(body, null);
			factory.newThread(task).start();
			return task;
		};
	}

	/** Starts a body on a thread of its kind. */
	@FunctionalInterface
	private interface Starter {

		Future<?> start(Runnable body);

	}

	/** Heap bytes allocated by a run, and the heap after GC at its end less at its start. */
	private record Run(long allocated, long heapGrowth) {
	}

	/**
	 * A private Logback context whose one logger writes through the encoder of a format ({@code jsonl},
	 * {@code readable}, or {@code logback-pattern} for Logback's own) to nowhere.
	 */
	private static final class Lines {

		private final LoggerContext context = new LoggerContext();

		private final Logger logger;

		final MDCAdapter mdc;

		Lines(String format) {
			Encoder<ILoggingEvent> encoder = switch (format) {
				case "jsonl" -> new DynamoJsonlEncoder();
				case "readable" -> new DynamoReadableEncoder();
				default -> {
					// For comparison: what Logback's own encoder leaves per thread
					PatternLayoutEncoder pattern = new PatternLayoutEncoder();
					pattern.setPattern("%d %level %logger %X %msg %kvp%n");
					yield pattern;
				}
			};
			encoder.setContext(this.context);
			encoder.start();
			OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
			appender.setContext(this.context);
			appender.setEncoder(encoder);
			appender.setOutputStream(OutputStream.nullOutputStream());
			appender.start();
			this.logger = this.context.getLogger("vthreads.load");
			this.logger.setLevel(Level.INFO);
			this.logger.setAdditive(false);
			this.logger.addAppender(appender);
			this.mdc = new LogbackMDCAdapter();
			this.context.setMDCAdapter(this.mdc);
		}

		void log(int n) {
			this.logger.atInfo().addKeyValue("n", n).log("a line from a thread of its own");
		}

		void asRequest(int n, boolean logLine) {
			this.mdc.put("x_request_id", "request-" + n);
			if (logLine) {
				log(n);
			}
			this.mdc.clear();
		}

	}

}
