package io.github.dynamologging.export;

import java.util.Collection;

import io.github.dynamologging.export.ExportFailures.Signal;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Passes batches to an exporter and tells {@link ExportFailures} about the ones it loses. It wraps the
 * exporter inside the batch processor rather than replacing the exporter bean, so the bean keeps its type and
 * Boot's conditions on it still hold.
 */
final class FailureCountingSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	private final String endpoint;

	private final ExportFailures failures;

	/** @param endpoint where the delegate sends spans, for the warning line */
	FailureCountingSpanExporter(SpanExporter delegate, String endpoint, ExportFailures failures) {
		this.delegate = delegate;
		this.endpoint = endpoint;
		this.failures = failures;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		return this.failures.export(Signal.SPANS, spans.size(), this.endpoint, () -> this.delegate.export(spans));
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
