package io.github.dynamologging.request;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dynamologging.format.internal.FieldNames;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

/** {@link ServerSpanFields} of the span Micrometer Tracing keeps in an observation's context. */
final class TracingServerSpanFields implements ServerSpanFields {

	@Override
	public Map<String, String> of(Observation.Context observation) {
		TracingObservationHandler.TracingContext tracing = (observation != null)
				? observation.get(TracingObservationHandler.TracingContext.class) : null;
		Span span = (tracing != null) ? tracing.getSpan() : null;
		// Not Span.isNoop(): the span has ended by now, which the bridge reports as no-op.
		TraceContext context = (span != null) ? span.context() : null;
		if (context == null || context.traceId() == null || context.traceId().isEmpty()) {
			return Map.of();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(FieldNames.TRACE_ID, context.traceId());
		fields.put(FieldNames.SPAN_ID, context.spanId());
		if (context.parentId() != null) {
			fields.put(FieldNames.PARENT_ID, context.parentId());
		}
		// The name the span was exported with: Micrometer names it from the contextual name when it stops,
		// after the observation filters (among them the one that gives Dynamo's names) have run.
		String name = (observation.getContextualName() != null) ? observation.getContextualName()
				: observation.getName();
		if (name != null) {
			fields.put(FieldNames.SPAN_NAME, name);
		}
		return fields;
	}

}
