package io.github.dynamologging.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;

import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * A cross-check of {@link EncoderBenchmark} for a machine that runs other work: the same encoders and events,
 * timed in the benchmark thread's own CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}), which leaves
 * out the time the thread waits for a core. 3 s of warm-up, then 15 batches of about 100 ms after 5 more; the median and
 * the ratio to LogstashEncoder. One JVM per shape. Not a JMH benchmark: no dead-code or fork protection beyond summing the
 * lengths, so use it for ratios between encoders measured side by side, not for absolute figures.
 * <p>
 * Usage: {@code EncoderCpuTime [ENCODERS [SHAPES]]}, comma-separated, by default
 * {@code dynamo,logstash} and {@code plain,mdc,exception}.
 */
public final class EncoderCpuTime {

	private static final int WARM_UP_BATCHES = 5;

	private static final int BATCHES = 15;

	private EncoderCpuTime() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		if (args.length == 3 && "--one-shape".equals(args[0])) {
			rows(args[1].split(","), args[2]);
			return;
		}
		String encoders = (args.length > 0) ? args[0] : "dynamo,logstash";
		String[] shapes = ((args.length > 1) ? args[1] : "plain,mdc,exception").split(",");
		System.out.println("| shape | encoder | CPU ns/op (median of 15) | ratio to LogstashEncoder |");
		System.out.println("|---|---|---:|---:|");
		for (String shape : shapes) {
			// One JVM per shape, as JMH forks one per parameter set: code compiled for one shape (no exception
			// branch taken, say) is not what the next shape runs.
			Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), EncoderCpuTime.class.getName(), "--one-shape",
					encoders, shape)
				.inheritIO()
				.start();
			if (child.waitFor() != 0) {
				throw new IllegalStateException("measuring " + shape + " failed");
			}
		}
	}

	private static void rows(String[] encoders, String shape) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[] medians = new double[encoders.length];
		double logstash = Double.NaN;
		for (int i = 0; i < encoders.length; i++) {
			medians[i] = measure(threads, encoders[i], shape);
			if ("logstash".equals(encoders[i])) {
				logstash = medians[i];
			}
		}
		for (int i = 0; i < encoders.length; i++) {
			System.out.printf("| %s | %s | %,.0f | %.2fx |%n", shape, encoders[i], medians[i], medians[i] / logstash);
		}
	}

	private static double measure(ThreadMXBean threads, String name, String shape) {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.setName("default");
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		context.start();
		try {
			Encoder<ILoggingEvent> encoder = EncoderBenchmark.encoder(name, context);
			LoggingEvent event = Events.of(shape, context);
			EncoderBenchmark.check(name, shape, encoder.encode(event));
			long sink = 0;
			// Warm up for 3 s of CPU time (the JIT compiles meanwhile), then size a batch to about 100 ms.
			long warmUpEnd = threads.getCurrentThreadCpuTime() + 3_000_000_000L;
			long chunkStart;
			int chunk = 1000;
			do {
				chunkStart = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < chunk; i++) {
					sink += encoder.encode(event).length;
				}
			}
			while (threads.getCurrentThreadCpuTime() < warmUpEnd);
			long perOp = Math.max(1, (threads.getCurrentThreadCpuTime() - chunkStart) / chunk);
			int batch = (int) Math.max(1000, 100_000_000L / perOp);
			double[] nanos = new double[BATCHES];
			for (int b = -WARM_UP_BATCHES; b < BATCHES; b++) {
				long t0 = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < batch; i++) {
					sink += encoder.encode(event).length;
				}
				if (b >= 0) {
					nanos[b] = (threads.getCurrentThreadCpuTime() - t0) / (double) batch;
				}
			}
			if (sink == 42) {
				System.out.print("");
			}
			Arrays.sort(nanos);
			encoder.stop();
			return nanos[BATCHES / 2];
		}
		finally {
			context.stop();
		}
	}

}
