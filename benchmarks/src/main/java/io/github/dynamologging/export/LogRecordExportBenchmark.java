package io.github.dynamologging.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.github.dynamologging.benchmarks.Events;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What exporting one line as an OTLP log record costs, beside writing it as a JSONL line, for the encoder
 * benchmark's pre-built events (caller data off for all):
 * <ul>
 * <li>{@code jsonl}: the line, {@link DynamoJsonlEncoder} (the console's cost, for scale);</li>
 * <li>{@code record}: the starter's appender makes the record and hands it to the SDK, whose processor drops
 * it: what the logging thread pays (Boot's batch processor adds a queue offer);</li>
 * <li>{@code record-encoded}: the same, plus the record's share of encoding a batch of 512 as an OTLP
 * {@code ExportLogsServiceRequest} (the batch processor's thread does that; nothing is sent).</li>
 * </ul>
 * In package {@code export} for the starter's package-private appender.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class LogRecordExportBenchmark {

	private static final int BATCH = 512;

	@Param({ "jsonl", "record", "record-encoded" })
	public String export;

	@Param({ "plain", "mdc", "exception" })
	public String shape;

	private LoggerContext context;

	private LoggingEvent event;

	private DynamoJsonlEncoder encoder;

	private OtlpLogAppender appender;

	private SdkLoggerProvider provider;

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.start();
		this.event = Events.of(this.shape, this.context);
		this.encoder = new DynamoJsonlEncoder();
		this.encoder.setCallerData(false);
		this.encoder.setContext(this.context);
		this.encoder.start();
		LogRecordExporter exporter = "record-encoded".equals(this.export) ? new EncodingExporter()
				: new DroppingExporter();
		this.provider = SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build();
		this.appender = new OtlpLogAppender(new LogRecordMapper(false));
		this.appender.setContext(this.context);
		this.appender.start();
		this.appender.connect(this.provider, new ExportFailures());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.provider.close();
		this.context.stop();
	}

	@Benchmark
	public Object exportOneLine() {
		if ("jsonl".equals(this.export)) {
			return this.encoder.encode(this.event);
		}
		this.appender.doAppend(this.event);
		return this.appender;
	}

	/** Takes the record and drops it. */
	private static class DroppingExporter implements LogRecordExporter {

		@Override
		public CompletableResultCode export(Collection<LogRecordData> logs) {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

	/** Keeps the records and encodes each full batch of {@value #BATCH} as one OTLP request. */
	private static final class EncodingExporter extends DroppingExporter {

		private final List<LogRecordData> batch = new ArrayList<>(BATCH);

		private final ByteArrayOutputStream request = new ByteArrayOutputStream(1 << 20);

		@Override
		public CompletableResultCode export(Collection<LogRecordData> logs) {
			this.batch.addAll(logs);
			if (this.batch.size() >= BATCH) {
				this.request.reset();
				try {
					LogsRequestMarshaler.create(this.batch).writeBinaryTo(this.request);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				this.batch.clear();
			}
			return CompletableResultCode.ofSuccess();
		}

	}

}
