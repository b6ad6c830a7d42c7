package io.github.dynamologging.export;

import io.github.dynamologging.filter.LogFilter;

/**
 * Turns the OpenTelemetry exporter's own log lines off by default, among the starter's built-in defaults (below
 * every other source; {@link OtlpConfigContribution} hands them over). During an outage the exporter writes a
 * SEVERE line (an {@code ERROR} here, so the quiet-library {@code error} level lets it through) for up to five
 * failed batches a minute and one a minute after that, each with a stack trace; {@link ExportFailures} writes
 * the one warning line a minute instead, with the cause, the endpoint and the count. Any source above brings
 * the exporter's lines back, e.g. {@code DYN_LOG=info,io.opentelemetry.exporter=error}.
 */
final class ExporterLogDefaults {

	/** The exporters' loggers (gRPC and HTTP exporters, their senders) and their default level. */
	static final LogFilter EXPORTER_LINES_OFF = LogFilter.parseStrict("io.opentelemetry.exporter=off");

	private ExporterLogDefaults() {
	}

}
