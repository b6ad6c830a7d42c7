package io.github.dynamologging.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * What each part of the span path costs in CPU, all threads of the process counted (the request thread, the
 * batch processor's worker, the sender's threads, GC and JIT): Micrometer's tracing handler over the
 * OpenTelemetry bridge, the SDK's batch span processor (queue, worker, {@code toSpanData}), OTLP marshaling, and
 * the sender to a local receiver ({@link OtlpSpanSink}, a process of its own, so its work is not counted).
 * <p>
 * One server-like observation ({@code http.server.requests} with the key values Boot's server observation adds)
 * per request at a steady rate, 12,000 a second by default (the HTTP benchmark's), paced in 10 ms steps, so the
 * batch processor sees the benchmark's rate and not a flood. Each case runs in a JVM of its own: 15 s of
 * warm-up, then 6 windows of 4 s; the median of the process's CPU time per span. A part's cost is the difference
 * between two cases that differ in that part only, and the {@code none} case (the pacing loop alone) is the
 * floor all others stand on. Spans the processor dropped are counted (made minus exported).
 * <p>
 * Usage: {@code java -cp benchmarks.jar io.github.dynamologging.benchmarks.SpanExportCpuTime [RATE]}.
 * Uses the OpenTelemetry exporter's internal marshalers for the marshal-only cases, to measure them apart
 * from sending; the product itself uses the exporters only.
 */
public final class SpanExportCpuTime {

	private static final List<String> CASES = List.of("none", "handler", "queue", "marshal reusable",
			"marshal immutable", "export okhttp reusable", "export okhttp reusable 8192 2048",
			"export okhttp immutable 8192 2048", "export jdk reusable 8192 2048", "export okhttp reusable 16384 4096");

	private static final int WARM_UP_SECONDS = 15;

	private static final int WINDOWS = 6;

	private static final int WINDOW_SECONDS = 4;

	private static final String SENDER_PROVIDER_PROPERTY = "io.opentelemetry.sdk.common.export.HttpSenderProvider";

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final AtomicLong exported = new AtomicLong();

	private SpanExportCpuTime() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		if (args.length >= 3 && "measure".equals(args[0])) {
			int rate = Integer.parseInt(args[1]);
			String endpoint = args[2];
			String measured = String.join(" ", Arrays.asList(args).subList(3, args.length));
			new SpanExportCpuTime().measure(measured, rate, endpoint);
			return;
		}
		int rate = (args.length == 1) ? Integer.parseInt(args[0]) : 12_000;
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = System.getProperty("java.class.path");
		Path portFile = Files.createTempDirectory("span-sink").resolve("port");
		Process sink = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath, OtlpSpanSink.class.getName(),
				portFile.toString())
			.inheritIO()
			.start();
		try {
			String endpoint = "http://127.0.0.1:" + awaitPort(portFile) + "/v1/traces";
			System.out.printf("# %,d spans/s; process CPU time per span, median of %d windows of %d s after %d s%n",
					rate, WINDOWS, WINDOW_SECONDS, WARM_UP_SECONDS);
			System.out.println("| case (queue, batch, delay ms where not 2048, 512, 5000) | CPU µs/span | spans dropped |");
			System.out.println("|---|---:|---:|");
			for (String measured : CASES) {
				List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classPath,
						SpanExportCpuTime.class.getName(), "measure", Integer.toString(rate), endpoint));
				command.addAll(List.of(measured.split(" ")));
				Process child = new ProcessBuilder(command).inheritIO().start();
				if (child.waitFor() != 0) {
					throw new IllegalStateException("measuring '" + measured + "' failed");
				}
			}
		}
		finally {
			sink.destroy();
		}
	}

	private static int awaitPort(Path portFile) throws IOException, InterruptedException {
		for (int i = 0; i < 300 && !Files.exists(portFile); i++) {
			Thread.sleep(100);
		}
		return Integer.parseInt(Files.readString(portFile).trim());
	}

	private void measure(String measured, int rate, String endpoint) throws Exception {
		String[] words = measured.split(" ");
		SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
			.setSampler(Sampler.alwaysOn())
			.setResource(Resource.getDefault()
				.merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "benchmark"))));
		BatchSpanProcessor processor = processor(words, endpoint);
		if (processor != null) {
			builder.addSpanProcessor(processor);
		}
		SdkTracerProvider provider = builder.build();
		boolean observe = !"none".equals(words[0]);
		if (observe) {
			OtelTracer tracer = new OtelTracer(provider.get("benchmark"), new OtelCurrentTraceContext(), (event) -> {
			});
			this.registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		}
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		int perStep = Math.max(1, rate / 100);
		long made = 0;
		long next = System.nanoTime();
		long warmUpEnd = next + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
		while (System.nanoTime() < warmUpEnd) {
			made += step(perStep, observe);
			next = pace(next);
		}
		double[] perSpan = new double[WINDOWS];
		for (int w = 0; w < WINDOWS; w++) {
			long cpu = os.getProcessCpuTime();
			long madeBefore = made;
			long windowEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
			while (System.nanoTime() < windowEnd) {
				made += step(perStep, observe);
				next = pace(next);
			}
			perSpan[w] = (os.getProcessCpuTime() - cpu) / 1000.0 / (made - madeBefore);
		}
		if (processor != null) {
			processor.forceFlush().join(30, TimeUnit.SECONDS);
		}
		provider.shutdown().join(30, TimeUnit.SECONDS);
		Arrays.sort(perSpan);
		String dropped = (processor != null) ? String.format("%,d of %,d", made - this.exported.get(), made) : "–";
		System.out.printf("| %s | %.2f | %s |%n", measured, perSpan[WINDOWS / 2], dropped);
	}

	/** {@code null} for the cases without a processor; else the SDK's batch processor with the case's exporter. */
	private BatchSpanProcessor processor(String[] words, String endpoint) {
		SpanExporter exporter = switch (words[0]) {
			case "none", "handler" -> null;
			case "queue" -> new Counting((spans) -> {
			});
			case "marshal" -> new Counting(marshaler(words[1]));
			case "export" -> {
				System.setProperty(SENDER_PROVIDER_PROPERTY, "jdk".equals(words[1])
						? "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider"
						: "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider");
				yield new Counting(OtlpHttpSpanExporter.builder()
					.setEndpoint(endpoint)
					.setMemoryMode(memoryMode(words[2]))
					.build());
			}
			default -> throw new IllegalArgumentException("unknown case '" + String.join(" ", words)
					+ "': expected none, handler, queue, marshal MODE or export SENDER MODE [QUEUE BATCH [DELAY_MS]]");
		};
		if (exporter == null) {
			return null;
		}
		int sizesAt = "export".equals(words[0]) ? 3 : 99;
		return BatchSpanProcessor.builder(exporter)
			.setMaxQueueSize((words.length > sizesAt) ? Integer.parseInt(words[sizesAt]) : 2048)
			.setMaxExportBatchSize((words.length > sizesAt + 1) ? Integer.parseInt(words[sizesAt + 1]) : 512)
			.setScheduleDelay(Duration.ofMillis((words.length > sizesAt + 2) ? Long.parseLong(words[sizesAt + 2]) : 5000))
			.build();
	}

	private static MemoryMode memoryMode(String word) {
		return "immutable".equals(word) ? MemoryMode.IMMUTABLE_DATA : MemoryMode.REUSABLE_DATA;
	}

	/** The exporter's own two ways of encoding a batch, into a stream that discards it. */
	private static Encoding marshaler(String mode) {
		OutputStream discard = OutputStream.nullOutputStream();
		if (memoryMode(mode) == MemoryMode.IMMUTABLE_DATA) {
			return (spans) -> TraceRequestMarshaler.create(spans).writeBinaryTo(discard);
		}
		LowAllocationTraceRequestMarshaler reused = new LowAllocationTraceRequestMarshaler();
		return (spans) -> {
			reused.initialize(spans);
			try {
				reused.writeBinaryTo(discard);
			}
			finally {
				reused.reset();
			}
		};
	}

	/** One request's server observation, as Boot's Servlet instrumentation makes it, {@code count} times. */
	private int step(int count, boolean observe) {
		if (!observe) {
			return count;
		}
		for (int i = 0; i < count; i++) {
			Observation observation = Observation.createNotStarted("http.server.requests", this.registry)
				.contextualName("http get /hello")
				.lowCardinalityKeyValue("exception", "none")
				.lowCardinalityKeyValue("method", "GET")
				.lowCardinalityKeyValue("outcome", "SUCCESS")
				.lowCardinalityKeyValue("status", "200")
				.lowCardinalityKeyValue("uri", "/hello")
				.highCardinalityKeyValue("http.url", "/hello")
				.start();
			try (Observation.Scope scope = observation.openScope()) {
				observation.event(Observation.Event.of("handled"));
			}
			observation.stop();
		}
		return count;
	}

	private static long pace(long previous) {
		long next = previous + 10_000_000L;
		long wait = next - System.nanoTime();
		if (wait > 0) {
			LockSupport.parkNanos(wait);
			return next;
		}
		return System.nanoTime();
	}

	@FunctionalInterface
	private interface Encoding {

		void encode(Collection<SpanData> spans) throws IOException;

	}

	/** Counts what reaches the exporter, so that made minus exported is what the processor dropped. */
	private final class Counting implements SpanExporter {

		private final SpanExporter delegate;

		private final Encoding encoding;

		Counting(SpanExporter delegate) {
			this.delegate = delegate;
			this.encoding = null;
		}

		Counting(Encoding encoding) {
			this.delegate = null;
			this.encoding = encoding;
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			SpanExportCpuTime.this.exported.addAndGet(spans.size());
			if (this.delegate != null) {
				return this.delegate.export(spans);
			}
			try {
				this.encoding.encode(spans);
				return CompletableResultCode.ofSuccess();
			}
			catch (IOException ex) {
				return CompletableResultCode.ofExceptionalFailure(ex);
			}
		}

		@Override
		public CompletableResultCode flush() {
			return (this.delegate != null) ? this.delegate.flush() : CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return (this.delegate != null) ? this.delegate.shutdown() : CompletableResultCode.ofSuccess();
		}

	}

}
