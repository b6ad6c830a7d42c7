package io.github.dynamologging.export;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/** The spans an OTLP receiver decoded, whichever transport brought them. */
final class ReceivedSpans {

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	void add(ExportTraceServiceRequest request) {
		for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
			for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
				for (Span span : scopeSpans.getSpansList()) {
					this.spans.add(new ReceivedSpan(resourceSpans.getResource(), span));
				}
			}
		}
	}

	int count() {
		return this.spans.size();
	}

	/** Waits for a span the exporter sends on its own schedule. */
	ReceivedSpan await(Predicate<ReceivedSpan> condition, Duration timeout) throws InterruptedException {
		return Arrivals.first(this.spans, condition, timeout, "span");
	}

	/** Waits until {@code count} spans of the trace have arrived, and returns them. */
	List<ReceivedSpan> awaitTrace(String traceId, int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<ReceivedSpan> trace = List.of();
		while (System.nanoTime() < deadline) {
			trace = this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
			if (trace.size() >= count) {
				return trace;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("expected " + count + " spans of trace " + traceId + ", got " + trace);
	}

	record ReceivedSpan(Resource resource, Span span) {

		String traceId() {
			return HexFormat.of().formatHex(this.span.getTraceId().toByteArray());
		}

		String spanId() {
			return HexFormat.of().formatHex(this.span.getSpanId().toByteArray());
		}

		/** Empty for a root span. */
		String parentSpanId() {
			return HexFormat.of().formatHex(this.span.getParentSpanId().toByteArray());
		}

		String resourceAttribute(String key) {
			return stringValue(this.resource.getAttributesList(), key);
		}

		String attribute(String key) {
			return stringValue(this.span.getAttributesList(), key);
		}

		private static String stringValue(List<KeyValue> attributes, String key) {
			return attributes.stream()
				.filter((attribute) -> attribute.getKey().equals(key))
				.map((attribute) -> attribute.getValue().getStringValue())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.span.getName() + " " + traceId() + "/" + spanId();
		}

	}

}
