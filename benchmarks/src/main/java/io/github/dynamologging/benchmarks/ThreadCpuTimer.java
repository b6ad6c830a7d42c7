package io.github.dynamologging.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Times an operation in the calling thread's own CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}),
 * which leaves out the time the thread waits for a core on a busy machine: 3 s of warm-up (the JIT compiles
 * meanwhile), then 15 batches of about 100 ms after 5 more; the median per operation. Not JMH: no dead-code
 * or fork protection beyond summing what the operation returns, so for ratios between operations measured
 * the same way.
 */
final class ThreadCpuTimer {

	private static final int WARM_UP_BATCHES = 5;

	private static final int BATCHES = 15;

	private ThreadCpuTimer() {
	}

	static double medianNanosPerOp(LongSupplier op) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sink = 0;
		long warmUpEnd = threads.getCurrentThreadCpuTime() + 3_000_000_000L;
		long chunkStart;
		int chunk = 1000;
		do {
			chunkStart = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < chunk; i++) {
				sink += op.getAsLong();
			}
		}
		while (threads.getCurrentThreadCpuTime() < warmUpEnd);
		long perOp = Math.max(1, (threads.getCurrentThreadCpuTime() - chunkStart) / chunk);
		int batch = (int) Math.max(1000, 100_000_000L / perOp);
		double[] nanos = new double[BATCHES];
		for (int b = -WARM_UP_BATCHES; b < BATCHES; b++) {
			long t0 = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < batch; i++) {
				sink += op.getAsLong();
			}
			if (b >= 0) {
				nanos[b] = (threads.getCurrentThreadCpuTime() - t0) / (double) batch;
			}
		}
		if (sink == 42) {
			System.out.print("");
		}
		Arrays.sort(nanos);
		return nanos[BATCHES / 2];
	}

}
