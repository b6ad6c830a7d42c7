package io.github.dynamologging.format;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * An encoder's reusable line writers (buffer, generator, scratch space): one per platform thread, in a thread
 * local, as pooled platform threads make the most of them; virtual threads take one from a small shared pool
 * and give it back. A virtual thread usually serves one request and logs a few lines: a writer of its own would
 * be made again for nearly every line and held by every thread in progress, 100,000 of them at once as easily
 * as 100 (docs/performance.md, "Virtual threads"). Java 17 has no virtual threads, and there the pool is never
 * used.
 */
final class ReusableWriters<W> {

	/** {@code Thread.isVirtual()} where the JDK has it (21 and later), else null. */
	private static final MethodHandle IS_VIRTUAL = isVirtualMethod();

	/**
	 * Writers kept for virtual threads: enough for every carrier to encode at once with some to spare (a virtual
	 * thread unmounted mid-line keeps its writer); a thread that finds none makes one, and a writer given back to
	 * a full pool is dropped.
	 */
	static final int POOL_SIZE = Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

	private final ThreadLocal<W> perThread;

	private final Supplier<W> factory;

	private final AtomicReferenceArray<W> pool = new AtomicReferenceArray<>(POOL_SIZE);

	ReusableWriters(Supplier<W> factory) {
		this.factory = factory;
		this.perThread = ThreadLocal.withInitial(factory);
	}

	/** A writer for the current thread's next line; give it back with {@link #release} or {@link #discard}. */
	W acquire() {
		if (!isVirtual(Thread.currentThread())) {
			return this.perThread.get();
		}
		int start = ThreadLocalRandom.current().nextInt(POOL_SIZE);
		for (int i = 0; i < POOL_SIZE; i++) {
			int slot = (start + i) % POOL_SIZE;
			if (this.pool.get(slot) != null) {
				W writer = this.pool.getAndSet(slot, null);
				if (writer != null) {
					return writer;
				}
			}
		}
		return this.factory.get();
	}

	/** Done with a writer that can write the next line. */
	void release(W writer) {
		if (!isVirtual(Thread.currentThread())) {
			return;
		}
		int start = ThreadLocalRandom.current().nextInt(POOL_SIZE);
		for (int i = 0; i < POOL_SIZE; i++) {
			int slot = (start + i) % POOL_SIZE;
			if (this.pool.get(slot) == null && this.pool.compareAndSet(slot, null, writer)) {
				return;
			}
		}
	}

	/** Done with a writer that must not be used again (its generator failed mid-line). */
	void discard(W writer) {
		if (!isVirtual(Thread.currentThread())) {
			this.perThread.remove();
		}
	}

	/** How many writers the pool holds now (tests). */
	int pooled() {
		int pooled = 0;
		for (int i = 0; i < POOL_SIZE; i++) {
			if (this.pool.get(i) != null) {
				pooled++;
			}
		}
		return pooled;
	}

	/** Whether {@code thread} is a virtual thread; always false before JDK 21. */
	static boolean isVirtual(Thread thread) {
		if (IS_VIRTUAL == null) {
			return false;
		}
		try {
			return (boolean) IS_VIRTUAL.invokeExact(thread);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Thread.isVirtual() failed", ex);
		}
	}

	private static MethodHandle isVirtualMethod() {
		try {
			return MethodHandles.publicLookup()
				.findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

}
