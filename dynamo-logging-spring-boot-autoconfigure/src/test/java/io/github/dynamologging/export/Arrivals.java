package io.github.dynamologging.export;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Predicate;

/** Waiting for what an exporter sends on its own schedule to reach a receiver. */
final class Arrivals {

	private Arrivals() {
	}

	/** The first of {@code received} that meets {@code condition}, once one has arrived. */
	static <T> T first(Collection<T> received, Predicate<T> condition, Duration timeout, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (T item : received) {
				if (condition.test(item)) {
					return item;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no such " + what + " among " + received.size() + ": " + received);
	}

}
