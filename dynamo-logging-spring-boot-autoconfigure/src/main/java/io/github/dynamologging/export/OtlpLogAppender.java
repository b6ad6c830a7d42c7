package io.github.dynamologging.export;

import java.util.ArrayDeque;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.dynamologging.export.ExportFailures.Reason;
import io.github.dynamologging.export.ExportFailures.Signal;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Sends every line that reaches it, as one OTLP log record, to the application's OpenTelemetry
 * {@link LoggerProvider} (Boot's {@code SdkLoggerProvider}, whose batch processor and OTLP exporter do the
 * rest). On the root logger beside the console, it sees exactly the lines that pass the levels, whatever
 * changes them at runtime.
 * <p>
 * It is attached when logging starts, before the provider exists: lines until then are kept, at most
 * {@value #STARTUP_BUFFER}, and sent when {@link #connect} is called; the ones beyond are counted as lost.
 * Lines of the export machinery itself (the OpenTelemetry SDK and exporters, their HTTP and gRPC clients, the
 * starter's own export warnings) and lines logged while a record is being emitted are never sent: during an
 * outage each would make another record for the same failing collector.
 */
final class OtlpLogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

	static final String NAME = "DYNAMO_OTLP";

	/** Lines kept from before the exporter is ready; the SDK's own queue holds as many. */
	static final int STARTUP_BUFFER = 2048;

	private static final List<String> EXPORT_MACHINERY = List.of("io.opentelemetry.", "io.grpc.", "okhttp3.",
			"okio.", ExportFailures.class.getName());

	private static final ThreadLocal<Boolean> EMITTING = new ThreadLocal<>();

	private final LogRecordMapper mapper;

	private final Object bufferLock = new Object();

	private ArrayDeque<Buffered> buffer = new ArrayDeque<>();

	private long overflow;

	private volatile LoggerProvider provider;

	/** @param mapper turns a line into a record */
	OtlpLogAppender(LogRecordMapper mapper) {
		this.mapper = mapper;
		setName(NAME);
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (EMITTING.get() != null || isExportMachinery(event.getLoggerName())) {
			return;
		}
		this.mapper.prepare(event);
		SpanContext spanContext = LogRecordMapper.spanContext(event);
		LoggerProvider provider = this.provider;
		if (provider == null) {
			synchronized (this.bufferLock) {
				provider = this.provider;
				if (provider == null) {
					keep(event, spanContext);
					return;
				}
			}
		}
		emit(provider, event, spanContext);
	}

	private void keep(ILoggingEvent event, SpanContext spanContext) {
		if (this.buffer.size() >= STARTUP_BUFFER) {
			this.overflow++;
			return;
		}
		// Freezes the message, MDC and key-values: the record is made later, on another thread.
		event.prepareForDeferredProcessing();
		this.buffer.add(new Buffered(event, spanContext));
	}

	/**
	 * Sends the kept lines, then every line as it comes, to {@code provider}; the lines the start-up buffer
	 * could not keep are counted in {@code failures}.
	 */
	void connect(LoggerProvider provider, ExportFailures failures) {
		synchronized (this.bufferLock) {
			for (Buffered buffered : this.buffer) {
				emit(provider, buffered.event(), buffered.spanContext());
			}
			this.buffer = new ArrayDeque<>();
			if (this.overflow > 0) {
				failures.count(Signal.LOGS, Reason.STARTUP_BUFFER_FULL, this.overflow);
			}
			this.overflow = 0;
			this.provider = provider;
		}
	}

	/** Lines kept so far, waiting for {@link #connect}. */
	int kept() {
		synchronized (this.bufferLock) {
			return this.buffer.size();
		}
	}

	@Override
	public void stop() {
		super.stop();
		synchronized (this.bufferLock) {
			this.buffer = new ArrayDeque<>();
		}
	}

	private void emit(LoggerProvider provider, ILoggingEvent event, SpanContext spanContext) {
		EMITTING.set(Boolean.TRUE);
		try {
			this.mapper.emit(provider, event, spanContext);
		}
		finally {
			EMITTING.remove();
		}
	}

	static boolean isExportMachinery(String loggerName) {
		if (loggerName == null) {
			return false;
		}
		for (String prefix : EXPORT_MACHINERY) {
			if (loggerName.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private record Buffered(ILoggingEvent event, SpanContext spanContext) {
	}

}
