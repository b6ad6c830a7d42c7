package io.github.dynamologging.export;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Passes batches to an exporter and tells {@link ExportFailures} about the ones it loses. It wraps the
 * exporter inside the batch processor rather than replacing the exporter bean, so the bean keeps its type
 * and Boot's conditions on it still hold.
 */
final class FailureCountingSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	private final ExportFailures failures;

	FailureCountingSpanExporter(SpanExporter delegate, ExportFailures failures) {
		this.delegate = delegate;
		this.failures = failures;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		CompletableResultCode result = this.delegate.export(spans);
		int count = spans.size();
		result.whenComplete(() -> {
			if (!result.isSuccess()) {
				this.failures.dropped(count, result.getFailureThrowable());
			}
		});
		return result;
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
