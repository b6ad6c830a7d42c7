package io.github.dynamologging.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** Runs the same body on several threads named {@code producer-N}, started together, and waits for all. */
public final class ConcurrentProducers {

	private ConcurrentProducers() {
	}

	public static void run(int threads, Body body) throws InterruptedException {
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> producers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread producer = new Thread(() -> {
				try {
					start.await();
					body.run(thread);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "producer-" + t);
			producer.start();
			producers.add(producer);
		}
		start.countDown();
		for (Thread producer : producers) {
			producer.join(TimeUnit.SECONDS.toMillis(60));
			if (producer.isAlive()) {
				throw new AssertionError(producer.getName() + " still runs after 60 s");
			}
		}
	}

	/** The {@code file} of the lines {@link #logAsRequests} writes. */
	public static final String FILE = "io/github/dynamologging/testing/ConcurrentProducers.java";

	/**
	 * Each producer logs {@code perThread} lines "event i of N" while its MDC holds
	 * {@code x_request_id=request-N}, as a request thread would.
	 * @return the line number of the logging call, the {@code line} every line must have
	 */
	public static int logAsRequests(Logger log, int threads, int perThread) throws InterruptedException {
		// The logging call below is five lines down from this one.
		int callerLine = StackWalker.getInstance().walk((frames) -> frames.findFirst()).orElseThrow().getLineNumber() + 5;
		run(threads, (thread) -> {
			MDC.put("x_request_id", "request-" + thread);
			try {
				for (int i = 0; i < perThread; i++) {
					log.info("event {} of {}", i, thread);
				}
			}
			finally {
				MDC.remove("x_request_id");
			}
		});
		return callerLine;
	}

	/** Each line written by {@link #logAsRequests} has the caller, MDC and thread of the producer that logged it. */
	public static void assertLoggedByTheirProducers(List<JsonNode> lines, int callerLine) {
		for (JsonNode line : lines) {
			String thread = line.get("message").stringValue().replaceAll(".* of ", "");
			String expected = "file=" + FILE + " line=" + callerLine + " x_request_id=request-" + thread
					+ " thread.name=producer-" + thread;
			String actual = "file=" + line.get("file").stringValue() + " line=" + line.get("line").asInt()
					+ " x_request_id=" + line.get("x_request_id").stringValue() + " thread.name="
					+ line.get("thread.name").stringValue();
			if (!expected.equals(actual)) {
				throw new AssertionError("expected " + expected + " but was " + actual + " in " + line);
			}
		}
	}

	/** What each producer does, given its number. */
	@FunctionalInterface
	public interface Body {

		void run(int thread) throws InterruptedException;

	}

}
