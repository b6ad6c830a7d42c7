package io.github.dynamologging.spanevents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The fields of span lines, from real SDK spans. */
class SpanLineFieldsTest {

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();

	private final Tracer tracer = this.tracerProvider.get("test");

	@AfterEach
	void closeTracerProvider() {
		this.tracerProvider.close();
	}

	@Test
	void aRootSpanHasItsNameAndIdsAndNoParent() {
		Span root = this.tracer.spanBuilder("http-request").setNoParent().startSpan();
		Map<String, Object> fields = started(root, null);
		assertThat(fields).containsExactly(entry("span_name", "http-request"),
				entry("trace_id", root.getSpanContext().getTraceId()),
				entry("span_id", root.getSpanContext().getSpanId()));
	}

	@Test
	void aChildSpanHasItsParentsId() {
		Span parent = this.tracer.spanBuilder("http-request").setNoParent().startSpan();
		Span child = this.tracer.spanBuilder("handle_payload").setParent(Context.root().with(parent)).startSpan();
		Map<String, Object> fields = started(child, null);
		assertThat(fields).contains(entry("trace_id", parent.getSpanContext().getTraceId()),
				entry("span_id", child.getSpanContext().getSpanId()),
				entry("parent_id", parent.getSpanContext().getSpanId()));
	}

	@Test
	void attributesOfEveryTypeAreStrings() {
		Span span = this.tracer.spanBuilder("handle_payload")
			.setAttribute("component", "backend")
			.setAttribute("instance_id", 7587888160958627596L)
			.setAttribute("ratio", 0.5)
			.setAttribute("streaming", true)
			.setAttribute(AttributeKey.stringArrayKey("models"), List.of("llama", "qwen"))
			.setAttribute(AttributeKey.longArrayKey("ports"), List.of(8000L, 8001L))
			.startSpan();
		Map<String, Object> fields = started(span, null);
		assertThat(fields).contains(entry("component", "backend"), entry("instance_id", "7587888160958627596"),
				entry("ratio", "0.5"), entry("streaming", "true"), entry("models", "[llama, qwen]"),
				entry("ports", "[8000, 8001]"));
	}

	@Test
	void attributesNamedLikeTheLinesOwnKeysAreKeptUnderFields() {
		Span span = this.tracer.spanBuilder("handle_payload")
			.setAttribute("trace_id", "not this span's")
			.setAttribute("parent_id", "none")
			.setAttribute("span_name", "other")
			.setAttribute("time.busy_us", "soon")
			.setAttribute("traceId", "alias")
			.startSpan();
		Map<String, Object> fields = started(span, null);
		assertThat(fields).contains(entry("trace_id", span.getSpanContext().getTraceId()),
				entry("span_name", "handle_payload"), entry("fields.trace_id", "not this span's"),
				entry("fields.parent_id", "none"), entry("fields.span_name", "other"),
				entry("fields.time.busy_us", "soon"), entry("fields.traceId", "alias"));
		assertThat(fields).doesNotContainKey("parent_id");
	}

	@Test
	void theSpansRequestIdWinsOverTheThreads() {
		Span span = this.tracer.spanBuilder("http-request")
			.setAttribute("x_request_id", "8372eac7-5f43-4d76-beca-0a94cfb311d0")
			.startSpan();
		Map<String, Object> fields = started(span, "thread-request");
		assertThat(fields).containsEntry("x_request_id", "8372eac7-5f43-4d76-beca-0a94cfb311d0")
			.doesNotContainKey("fields.x_request_id");
	}

	@Test
	void withoutARequestIdAttributeTheThreadsIsUsed() {
		Span span = this.tracer.spanBuilder("http-request").startSpan();
		assertThat(started(span, "thread-request")).containsEntry("x_request_id", "thread-request");
		assertThat(started(span, null)).doesNotContainKey("x_request_id");
	}

	@Test
	void aRequestIdAttributeTheSchemaWouldRejectIsKeptUnderFieldsAndTheThreadsIsUsed() {
		Span span = this.tracer.spanBuilder("http-request").setAttribute("x_request_id", "tab\tinside").startSpan();
		assertThat(started(span, "thread-request")).containsEntry("x_request_id", "thread-request")
			.containsEntry("fields.x_request_id", "tab\tinside");
		assertThat(started(span, "bad\nid")).doesNotContainKey("x_request_id");
	}

	@Test
	void aClosedSpanAddsItsTimesAsIntegersAfterTheSameFields() {
		Span span = this.tracer.spanBuilder("handle_payload").setAttribute("component", "backend").startSpan();
		span.updateName("handle_payload_renamed");
		span.setAttribute("endpoint", "generate");
		span.end();
		ReadableSpan ended = (ReadableSpan) span;
		long durationMicros = (ended.toSpanData().getEndEpochNanos() - ended.toSpanData().getStartEpochNanos())
				/ 1000;
		Map<String, Object> fields = new LinkedHashMap<>();
		SpanLineFields.closed(ended.toSpanData(), SpanTimes.UNKNOWN_BUSY, null, fields::put);
		assertThat(fields).contains(entry("span_name", "handle_payload_renamed"), entry("component", "backend"),
				entry("endpoint", "generate"), entry("time.busy_us", durationMicros), entry("time.idle_us", 0L),
				entry("time.duration_us", durationMicros));
	}

	private static Map<String, Object> started(Span span, String threadRequestId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		SpanLineFields.started((ReadableSpan) span, threadRequestId, fields::put);
		return fields;
	}

}
