package io.github.dynamologging.export;

import java.util.Collection;

import io.github.dynamologging.export.ExportFailures.Signal;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

/** The log-record side of {@link FailureCountingSpanExporter}. */
final class FailureCountingLogRecordExporter implements LogRecordExporter {

	private final LogRecordExporter delegate;

	private final String endpoint;

	private final ExportFailures failures;

	/** @param endpoint where the delegate sends log records, for the warning line */
	FailureCountingLogRecordExporter(LogRecordExporter delegate, String endpoint, ExportFailures failures) {
		this.delegate = delegate;
		this.endpoint = endpoint;
		this.failures = failures;
	}

	@Override
	public CompletableResultCode export(Collection<LogRecordData> logs) {
		return this.failures.export(Signal.LOGS, logs.size(), this.endpoint, () -> this.delegate.export(logs));
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return "FailureCounting{" + this.delegate + "}";
	}

}
