package io.github.dynamologging.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * out the time the thread waits for a core. 15 batches of about 100 ms after 5 of warm-up; the median and
 * the ratio to LogstashEncoder. Not a JMH benchmark: no dead-code or fork protection beyond summing the
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

	public static void main(String[] args) {
		Locale.setDefault(Locale.ROOT);
		String[] encoders = ((args.length > 0) ? args[0] : "dynamo,logstash").split(",");
		String[] shapes = ((args.length > 1) ? args[1] : "plain,mdc,exception").split(",");
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		System.out.println("| shape | encoder | CPU ns/op (median of 15) | ratio to LogstashEncoder |");
		System.out.println("|---|---|---:|---:|");
		for (String shape : shapes) {
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
			// Size a batch to about 100 ms of CPU time.
			int batch = 1000;
			long start = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < batch; i++) {
				sink += encoder.encode(event).length;
			}
			long perOp = Math.max(1, (threads.getCurrentThreadCpuTime() - start) / batch);
			batch = (int) Math.max(1000, 100_000_000L / perOp);
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
