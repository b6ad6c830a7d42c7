package io.github.dynamologging.export;

import java.util.Collection;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.export.ExportFailures.Reason;
import io.github.dynamologging.export.ExportFailures.Signal;
import io.github.dynamologging.format.internal.FieldNames;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/** The appender on its own: which lines become records, and what happens before the exporter is ready. */
class OtlpLogAppenderTests {

	private final LoggerContext context = new LoggerContext();

	private final Logger root = this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final InMemoryLogRecordExporter exported = InMemoryLogRecordExporter.create();

	private final SdkLoggerProvider provider = SdkLoggerProvider.builder()
		.addLogRecordProcessor(SimpleLogRecordProcessor.create(this.exported))
		.build();

	private final ExportFailures failures = new ExportFailures();

	private final OtlpLogAppender appender = new OtlpLogAppender(new LogRecordMapper(true));

	OtlpLogAppenderTests() {
		// The MDC the application's code writes to, as in the application's own context.
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.appender.setContext(this.context);
		this.appender.start();
		this.root.addAppender(this.appender);
		this.root.setLevel(Level.INFO);
	}

	@AfterEach
	void close() {
		this.provider.close();
		this.context.stop();
	}

	@Test
	void exactlyTheLinesThatPassTheLevelsAreSentWhateverChangesThem() {
		this.appender.connect(this.provider, this.failures);
		Logger logger = this.context.getLogger("com.example.orders");
		logger.debug("hidden");
		logger.info("shown");
		logger.setLevel(Level.DEBUG);
		logger.debug("now shown");
		logger.setLevel(Level.WARN);
		logger.info("hidden again");
		assertThat(bodies()).containsExactly("shown", "now shown");
	}

	@Test
	void linesBeforeTheExporterIsReadyAreKeptUpToTheBoundAndTheRestCounted() {
		Logger logger = this.context.getLogger("com.example.start");
		int extra = 5;
		for (int i = 0; i < OtlpLogAppender.STARTUP_BUFFER + extra; i++) {
			logger.info("start {}", i);
		}
		assertThat(this.exported.getFinishedLogRecordItems()).isEmpty();
		assertThat(this.appender.kept()).isEqualTo(OtlpLogAppender.STARTUP_BUFFER);
		this.appender.connect(this.provider, this.failures);
		logger.info("after");
		List<String> bodies = bodies();
		assertThat(bodies).hasSize(OtlpLogAppender.STARTUP_BUFFER + 1).startsWith("start 0", "start 1").endsWith("after");
		assertThat(this.failures.total(Signal.LOGS, Reason.STARTUP_BUFFER_FULL)).isEqualTo(extra);
	}

	@Test
	void aKeptLineKeepsTheTraceIdsItWasLoggedWith() {
		SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
				TraceFlags.getSampled(), TraceState.getDefault());
		try (Scope scope = Span.wrap(span).makeCurrent()) {
			// The keys Micrometer's MDC listener writes, which the lines and the records read.
			MDC.put(FieldNames.MDC_TRACE_ID, span.getTraceId());
			MDC.put(FieldNames.MDC_SPAN_ID, span.getSpanId());
			this.context.getLogger("com.example.start").info("in a span");
		}
		finally {
			MDC.clear();
		}
		this.appender.connect(this.provider, this.failures);
		LogRecordData record = this.exported.getFinishedLogRecordItems().get(0);
		assertThat(record.getSpanContext().getTraceId()).isEqualTo(span.getTraceId());
		assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanId());
		assertThat(record.getSpanContext().isSampled()).isTrue();
	}

	@Test
	void theExportMachinerysOwnLinesAreNeverSent() {
		this.appender.connect(this.provider, this.failures);
		this.context.getLogger("io.opentelemetry.exporter.internal.http.HttpExporter").error("Failed to export logs");
		this.context.getLogger("io.grpc.internal.ManagedChannelImpl").error("channel broken");
		this.context.getLogger(ExportFailures.class.getName()).warn("losing log records");
		this.context.getLogger("com.example.orders").info("kept");
		assertThat(bodies()).containsExactly("kept");
	}

	@Test
	void aLineLoggedWhileARecordIsEmittedIsNotSent() {
		Logger exporterLogger = this.context.getLogger("com.example.exporter");
		LogRecordExporter loggingExporter = new LogRecordExporter() {

			@Override
			public CompletableResultCode export(Collection<LogRecordData> logs) {
				// What an exporter or processor logging through SLF4J on the emitting thread would do.
				exporterLogger.warn("exporting {}", logs.size());
				return OtlpLogAppenderTests.this.exported.export(logs);
			}

			@Override
			public CompletableResultCode flush() {
				return CompletableResultCode.ofSuccess();
			}

			@Override
			public CompletableResultCode shutdown() {
				return CompletableResultCode.ofSuccess();
			}

		};
		try (SdkLoggerProvider provider = SdkLoggerProvider.builder()
			.addLogRecordProcessor(SimpleLogRecordProcessor.create(loggingExporter))
			.build()) {
			this.appender.connect(provider, this.failures);
			this.context.getLogger("com.example.orders").info("one");
			assertThat(bodies()).containsExactly("one");
		}
	}

	private List<String> bodies() {
		return this.exported.getFinishedLogRecordItems()
			.stream()
			.map((record) -> record.getBodyValue().asString())
			.toList();
	}

}
