package io.github.dynamologging.testing;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK 21 APIs the virtual-thread tests use, reached by reflection: the tests are compiled for Java 17 like
 * the starter, and run on a JDK 21 or newer (the failsafe run, see the autoconfigure module's pom).
 */
public final class VirtualThreads {

	private VirtualThreads() {
	}

	/** Fails the test, naming the fix, when this JVM has no virtual threads: it must never be skipped. */
	public static void requireJdk21() {
		assertThat(Runtime.version().feature())
			.as("the JDK running the virtual-thread tests (java.home=%s); they run in the failsafe run on a JDK 21 or "
					+ "newer that Maven's toolchains plugin finds (see the autoconfigure module's pom)",
					System.getProperty("java.home"))
			.isGreaterThanOrEqualTo(21);
	}

	/** A factory of unstarted virtual threads ({@code Thread.ofVirtual().factory()}). */
	public static ThreadFactory factory() {
		try {
			Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
			return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("no virtual threads on " + Runtime.version(), ex);
		}
	}

	/** {@code thread.isVirtual()}. */
	public static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("no virtual threads on " + Runtime.version(), ex);
		}
	}

	/**
	 * The carrier a virtual thread runs on right now, from its {@code toString()}
	 * ({@code VirtualThread[#42,name]/runnable@ForkJoinPool-1-worker-2}); empty for a platform thread.
	 */
	public static String carrier(Thread thread) {
		String text = thread.toString();
		int at = text.lastIndexOf('@');
		return (isVirtual(thread) && at >= 0) ? text.substring(at + 1) : "";
	}

	/**
	 * Bytes allocated on the heap by all threads since the JVM started
	 * ({@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}, JDK 21): a virtual thread's
	 * allocations count on its carriers, so they are included.
	 */
	public static long totalAllocatedBytes() {
		try {
			Object threads = ManagementFactory.getThreadMXBean();
			Method total = Class.forName("com.sun.management.ThreadMXBean").getMethod("getTotalThreadAllocatedBytes");
			return (long) total.invoke(threads);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("no total allocated bytes on " + Runtime.version(), ex);
		}
	}

}
