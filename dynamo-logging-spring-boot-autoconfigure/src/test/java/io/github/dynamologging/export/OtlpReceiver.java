package io.github.dynamologging.export;

/** A real OTLP trace receiver on a random local port. */
interface OtlpReceiver extends AutoCloseable {

	/** What {@code OTEL_EXPORTER_OTLP_PROTOCOL} names this receiver's transport. */
	String protocol();

	/** The value for {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}. */
	String endpoint();

	ReceivedSpans spans();

	@Override
	void close();

}
