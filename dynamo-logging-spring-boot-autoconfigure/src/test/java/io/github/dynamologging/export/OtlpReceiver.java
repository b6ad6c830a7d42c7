package io.github.dynamologging.export;

import java.util.List;
import java.util.Map;

/** A real OTLP receiver of traces and logs on a random local port. */
interface OtlpReceiver extends AutoCloseable {

	/** What {@code OTEL_EXPORTER_OTLP_PROTOCOL} names this receiver's transport. */
	String protocol();

	/** The value for {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}. */
	String endpoint();

	/** The value for {@code OTEL_EXPORTER_OTLP_LOGS_ENDPOINT}. */
	String logsEndpoint();

	/** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}: both signals, by the variable's own rules. */
	String baseEndpoint();

	ReceivedSpans spans();

	ReceivedLogs logs();

	/** The headers (HTTP) or metadata (gRPC) of each export request, names in lower case. */
	List<Map<String, String>> requestHeaders();

	@Override
	void close();

}
