package io.github.dynamologging.spanevents;

import io.github.dynamologging.format.internal.FieldNames;
import io.github.dynamologging.request.RequestId;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs a {@code SPAN_FIRST_ENTRY} line when a span starts and a {@code SPAN_CLOSED} line when it ends
 * (docs/requests-and-traces.md), at INFO through the logger {@value #LOGGER_NAME}, so that level {@code off} on that logger
 * silences them and costs one level check per span.
 * <p>
 * A span's line carries that span's trace keys only. The thread that starts or ends a span usually has
 * another span's keys in its MDC (the parent's, or a stale one), and the encoder writes MDC entries too;
 * so those entries are taken out of the MDC while the line is logged and put back afterwards.
 */
final class SpanEventsProcessor implements SpanProcessor {

	/** The logger the lines go through; also their {@code target}. */
	public static final String LOGGER_NAME = "span_event";

	static final String SPAN_FIRST_ENTRY = "SPAN_FIRST_ENTRY";

	static final String SPAN_CLOSED = "SPAN_CLOSED";

	/** Trace keys in the MDC: Micrometer's, and the ones the tracing glue writes under Dynamo's names. */
	private static final String[] TRACE_MDC_KEYS = { FieldNames.TRACE_ID, FieldNames.SPAN_ID, FieldNames.PARENT_ID,
			FieldNames.SPAN_NAME, "traceId", "spanId" };

	private final Logger logger;

	private final ScopeTimeTracker scopes;

	SpanEventsProcessor(ScopeTimeTracker scopes) {
		this(LoggerFactory.getLogger(LOGGER_NAME), scopes);
	}

	SpanEventsProcessor(Logger logger, ScopeTimeTracker scopes) {
		this.logger = logger;
		this.scopes = scopes;
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
		// Silenced: not even tracked, so the span's SPAN_CLOSED (if the level is raised meanwhile) reports
		// busy = duration.
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		this.scopes.spanStarted(span.getSpanContext());
		LoggingEventBuilder line = this.logger.atInfo();
		SpanLineFields.started(span, MDC.get(RequestId.MDC_KEY), line::addKeyValue);
		logWithoutTraceMdc(line, SPAN_FIRST_ENTRY);
	}

	@Override
	public boolean isStartRequired() {
		return true;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		// First, so the span's state goes even when the line is not logged.
		long busyNanos = this.scopes.spanEnded(span.getSpanContext());
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		LoggingEventBuilder line = this.logger.atInfo();
		SpanLineFields.closed(span.toSpanData(), busyNanos, MDC.get(RequestId.MDC_KEY), line::addKeyValue);
		logWithoutTraceMdc(line, SPAN_CLOSED);
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	private static void logWithoutTraceMdc(LoggingEventBuilder line, String message) {
		String[] hidden = null;
		for (int i = 0; i < TRACE_MDC_KEYS.length; i++) {
			String value = MDC.get(TRACE_MDC_KEYS[i]);
			if (value != null) {
				if (hidden == null) {
					hidden = new String[TRACE_MDC_KEYS.length];
				}
				hidden[i] = value;
				MDC.remove(TRACE_MDC_KEYS[i]);
			}
		}
		try {
			line.log(message);
		}
		finally {
			if (hidden != null) {
				for (int i = 0; i < TRACE_MDC_KEYS.length; i++) {
					if (hidden[i] != null) {
						MDC.put(TRACE_MDC_KEYS[i], hidden[i]);
					}
				}
			}
		}
	}

}
