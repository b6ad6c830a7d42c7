package io.github.dynamologging.export;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;

/** The log records an OTLP receiver decoded, whichever transport brought them. */
final class ReceivedLogs {

	private final List<ReceivedLog> logs = new CopyOnWriteArrayList<>();

	void add(ExportLogsServiceRequest request) {
		for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
			for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
				for (LogRecord record : scopeLogs.getLogRecordsList()) {
					this.logs.add(new ReceivedLog(resourceLogs.getResource(), scopeLogs.getScope().getName(), record));
				}
			}
		}
	}

	int count() {
		return this.logs.size();
	}

	List<ReceivedLog> all() {
		return List.copyOf(this.logs);
	}

	/** Waits for a record the exporter sends on its own schedule. */
	ReceivedLog await(Predicate<ReceivedLog> condition, Duration timeout) throws InterruptedException {
		return Arrivals.first(this.logs, condition, timeout, "log record");
	}

	/** A record whose body is {@code body}. */
	ReceivedLog awaitBody(String body, Duration timeout) throws InterruptedException {
		return await((log) -> log.body().equals(body), timeout);
	}

	record ReceivedLog(Resource resource, String scope, LogRecord record) {

		String body() {
			return this.record.getBody().getStringValue();
		}

		String traceId() {
			return HexFormat.of().formatHex(this.record.getTraceId().toByteArray());
		}

		String spanId() {
			return HexFormat.of().formatHex(this.record.getSpanId().toByteArray());
		}

		/** The attribute's value, {@code null} when the record has none of that name. */
		AnyValue attribute(String key) {
			return this.record.getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals(key))
				.map((attribute) -> attribute.getValue())
				.findFirst()
				.orElse(null);
		}

		String resourceAttribute(String key) {
			return this.resource.getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals(key))
				.map((attribute) -> attribute.getValue().getStringValue())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.record.getSeverityText() + " " + body() + " " + traceId() + "/" + spanId();
		}

	}

}
