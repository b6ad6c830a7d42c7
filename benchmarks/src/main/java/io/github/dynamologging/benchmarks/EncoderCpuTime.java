package io.github.dynamologging.benchmarks;

import java.nio.file.Path;
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
 * timed in the benchmark thread's own CPU time ({@link ThreadCpuTimer}), which leaves
 * out the time the thread waits for a core. 3 s of warm-up, then 15 batches of about 100 ms after 5 more; the median and
 * the ratio to LogstashEncoder. One JVM per shape. Not a JMH benchmark: no dead-code or fork protection beyond summing the
 * lengths, so use it for ratios between encoders measured side by side, not for absolute figures.
 * <p>
 * Usage: {@code EncoderCpuTime [ENCODERS [SHAPES]]}, comma-separated, by default
 * {@code dynamo,logstash} and {@code plain,mdc,exception}.
 */
public final class EncoderCpuTime {

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
		double[] medians = new double[encoders.length];
		double logstash = Double.NaN;
		for (int i = 0; i < encoders.length; i++) {
			medians[i] = measure(encoders[i], shape);
			if ("logstash".equals(encoders[i])) {
				logstash = medians[i];
			}
		}
		for (int i = 0; i < encoders.length; i++) {
			System.out.printf("| %s | %s | %,.0f | %.2fx |%n", shape, encoders[i], medians[i], medians[i] / logstash);
		}
	}

	private static double measure(String name, String shape) {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.setName("default");
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		context.start();
		try {
			Encoder<ILoggingEvent> encoder = EncoderBenchmark.encoder(name, context);
			LoggingEvent event = Events.of(shape, context);
			EncoderBenchmark.check(name, shape, encoder.encode(event));
			double median = ThreadCpuTimer.medianNanosPerOp(() -> encoder.encode(event).length);
			encoder.stop();
			return median;
		}
		finally {
			context.stop();
		}
	}

}
