package io.github.dynamologging.spanevents;

import java.util.Set;
import java.util.function.BiConsumer;

import io.github.dynamologging.format.internal.FieldNames;
import io.github.dynamologging.request.RequestId;
import io.github.dynamologging.tracing.internal.SpanNames;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The key-value pairs of the span lifecycle lines (docs/requests-and-traces.md): {@code span_name}, {@code trace_id},
 * {@code span_id}, {@code parent_id} when the span has a valid parent, {@code x_request_id} when known,
 * every attribute as a string, and for {@code SPAN_CLOSED} the {@code time.*_us} integers.
 * <p>
 * Pairs go to a sink (in production the SLF4J event builder) so that nothing is collected in between.
 */
final class SpanLineFields {

	static final String BUSY_US = "time.busy_us";

	static final String IDLE_US = "time.idle_us";

	static final String DURATION_US = "time.duration_us";

	private static final AttributeKey<String> REQUEST_ID_ATTRIBUTE = AttributeKey.stringKey(RequestId.MDC_KEY);

	/**
	 * Keys the line sets itself, plus the MDC aliases the encoder folds into {@code trace_id}/{@code span_id}.
	 * An attribute of one of these names is written as {@code fields.<name>}, so it can neither pose as
	 * this span's identity or timings nor be swallowed by them.
	 */
	private static final Set<String> LINE_KEYS = Set.of(FieldNames.SPAN_NAME, FieldNames.TRACE_ID,
			FieldNames.SPAN_ID, FieldNames.PARENT_ID, FieldNames.X_REQUEST_ID, BUSY_US, IDLE_US, DURATION_US,
			"traceId", "spanId");

	private SpanLineFields() {
	}

	/** The fields of a {@code SPAN_FIRST_ENTRY} line: the span as it is when it starts. */
	static void started(ReadableSpan span, String threadRequestId, BiConsumer<String, Object> sink) {
		write(SpanNames.shown(span), span.getSpanContext(), span.getParentSpanContext(), span.getAttributes(),
				threadRequestId, sink);
	}

	/**
	 * The fields of a {@code SPAN_CLOSED} line.
	 * @param busyNanos nanoseconds the span was in scope, or {@link SpanTimes#UNKNOWN_BUSY}
	 */
	static void closed(SpanData span, long busyNanos, String threadRequestId, BiConsumer<String, Object> sink) {
		write(span.getName(), span.getSpanContext(), span.getParentSpanContext(), span.getAttributes(),
				threadRequestId, sink);
		SpanTimes times = SpanTimes.of(span.getStartEpochNanos(), span.getEndEpochNanos(), busyNanos);
		sink.accept(BUSY_US, times.busyMicros());
		sink.accept(IDLE_US, times.idleMicros());
		sink.accept(DURATION_US, times.durationMicros());
	}

	/**
	 * @param threadRequestId the {@code x_request_id} MDC entry of the thread the span starts or ends on,
	 * used when the span has no such attribute; {@code null} when absent
	 */
	private static void write(String name, SpanContext span, SpanContext parent, Attributes attributes,
			String threadRequestId, BiConsumer<String, Object> sink) {
		sink.accept(FieldNames.SPAN_NAME, name);
		sink.accept(FieldNames.TRACE_ID, span.getTraceId());
		sink.accept(FieldNames.SPAN_ID, span.getSpanId());
		if (parent.isValid()) {
			sink.accept(FieldNames.PARENT_ID, parent.getSpanId());
		}
		// Only an id that passes the docs/requests-and-traces.md rule becomes x_request_id: the schema holds every line to it.
		String spanRequestId = attributes.get(REQUEST_ID_ATTRIBUTE);
		boolean fromSpan = RequestId.isValid(spanRequestId);
		if (fromSpan) {
			sink.accept(FieldNames.X_REQUEST_ID, spanRequestId);
		}
		else if (RequestId.isValid(threadRequestId)) {
			sink.accept(FieldNames.X_REQUEST_ID, threadRequestId);
		}
		attributes.forEach((key, value) -> {
			if (fromSpan && REQUEST_ID_ATTRIBUTE.equals(key)) {
				return;
			}
			String attributeName = key.getKey();
			String fieldName = LINE_KEYS.contains(attributeName) ? FieldNames.USER_FIELD_PREFIX + attributeName
					: attributeName;
			// Arrays are Lists here: their string form is "[a, b]".
			sink.accept(fieldName, String.valueOf(value));
		});
	}

}
