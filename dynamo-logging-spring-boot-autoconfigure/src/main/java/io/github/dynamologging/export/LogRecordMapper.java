package io.github.dynamologging.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.dynamologging.format.internal.CallerLocator.CallerLocation;
import io.github.dynamologging.format.internal.CallerLocator;
import io.github.dynamologging.format.internal.FieldNames;
import io.github.dynamologging.format.internal.StackTraceLayout;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.slf4j.event.KeyValuePair;

/**
 * Makes the OTLP log record of a line, with what the JSONL line carries: its time, level (as severity number
 * and text), message (as body) and trace context, and its other fields as typed attributes, named as in the
 * line ({@code target}, {@code thread.name}, {@code x_request_id}, MDC entries as strings, key-value pairs
 * with their JSON types, {@code exception.*}); the caller's file and line are OpenTelemetry's
 * {@code code.file.path} and {@code code.line.number}. The instrumentation scope is the logger's name.
 */
final class LogRecordMapper {

	static final AttributeKey<String> TARGET = AttributeKey.stringKey(FieldNames.TARGET);

	static final AttributeKey<String> CODE_FILE_PATH = AttributeKey.stringKey("code.file.path");

	static final AttributeKey<Long> CODE_LINE_NUMBER = AttributeKey.longKey("code.line.number");

	static final AttributeKey<String> CODE_FUNCTION_NAME = AttributeKey.stringKey("code.function.name");

	/** The record's own trace context says these; as attributes they would only repeat it. */
	private static final Set<String> TRACE_CONTEXT_KEYS = Set.of(FieldNames.TRACE_ID, FieldNames.SPAN_ID, "traceId",
			"spanId");

	/** Keys the record sets itself; a user key of the same name is sent as {@code fields.<key>}, as in the line. */
	private static final Set<String> OWN_KEYS = Set.of(FieldNames.TARGET, FieldNames.THREAD_NAME,
			FieldNames.EXCEPTION_TYPE, FieldNames.EXCEPTION_MESSAGE, FieldNames.EXCEPTION_STACKTRACE,
			CODE_FILE_PATH.getKey(), CODE_LINE_NUMBER.getKey(), CODE_FUNCTION_NAME.getKey());

	private final CallerLocator callers = new CallerLocator();

	private final boolean callerData;

	/** @param callerData whether to send the caller's file and line ({@code dynamo.logging.caller-data}) */
	LogRecordMapper(boolean callerData) {
		this.callerData = callerData;
	}

	/** Work that must happen on the logging thread: finding the caller. */
	void prepare(ILoggingEvent event) {
		if (this.callerData) {
			CallerLocator.storeCallerData(event);
		}
	}

	/** The line's trace context: the ids its MDC carries (as the JSONL line shows them), with the span's flags. */
	static SpanContext spanContext(ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		String traceId = (mdc != null) ? mdc.get(FieldNames.MDC_TRACE_ID) : null;
		String spanId = (mdc != null) ? mdc.get(FieldNames.MDC_SPAN_ID) : null;
		if (traceId == null || spanId == null) {
			return SpanContext.getInvalid();
		}
		SpanContext current = Span.current().getSpanContext();
		if (current.getTraceId().equals(traceId) && current.getSpanId().equals(spanId)) {
			return current;
		}
		return SpanContext.create(traceId, spanId, TraceFlags.getDefault(), TraceState.getDefault());
	}

	void emit(LoggerProvider provider, ILoggingEvent event, SpanContext spanContext) {
		provider.get(event.getLoggerName())
			.logRecordBuilder()
			.setTimestamp(event.getInstant())
			.setObservedTimestamp(event.getInstant())
			.setSeverity(severity(event.getLevel()))
			.setSeverityText(event.getLevel().toString())
			.setBody(event.getFormattedMessage())
			.setContext(spanContext.isValid() ? Context.root().with(Span.wrap(spanContext)) : Context.root())
			.setAllAttributes(attributes(event))
			.emit();
	}

	Attributes attributes(ILoggingEvent event) {
		Map<String, Object> fields = new LinkedHashMap<>();
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null) {
			mdc.forEach((key, value) -> {
				if (!TRACE_CONTEXT_KEYS.contains(key)) {
					fields.put(userKey(key), value);
				}
			});
		}
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs != null) {
			// The pair wins over an MDC entry of the same name, as in the line.
			pairs.forEach((pair) -> fields.put(userKey(pair.key), pair.value));
		}
		AttributesBuilder attributes = Attributes.builder();
		fields.forEach((key, value) -> put(attributes, key, value));
		attributes.put(TARGET, event.getLoggerName());
		attributes.put(FieldNames.THREAD_NAME, event.getThreadName());
		if (this.callerData && event.hasCallerData()) {
			CallerLocation caller = this.callers.locate(event);
			if (caller != CallerLocator.UNKNOWN) {
				StackTraceElement frame = event.getCallerData()[0];
				attributes.put(CODE_FILE_PATH, caller.file());
				attributes.put(CODE_LINE_NUMBER, (long) caller.line());
				attributes.put(CODE_FUNCTION_NAME, frame.getClassName() + "." + frame.getMethodName());
			}
		}
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			attributes.put(FieldNames.EXCEPTION_TYPE, throwable.getClassName());
			if (throwable.getMessage() != null) {
				attributes.put(FieldNames.EXCEPTION_MESSAGE, throwable.getMessage());
			}
			attributes.put(FieldNames.EXCEPTION_STACKTRACE, StackTraceLayout.plainText(throwable));
		}
		return attributes.build();
	}

	private static String userKey(String key) {
		return OWN_KEYS.contains(key) ? FieldNames.USER_FIELD_PREFIX + key : key;
	}

	/** Numbers, booleans and strings keep their type, as JSON gives them in the line; anything else is text. */
	private static void put(AttributesBuilder attributes, String key, Object value) {
		if (key == null || value == null) {
			return;
		}
		if (value instanceof Boolean bool) {
			attributes.put(AttributeKey.booleanKey(key), bool);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			attributes.put(AttributeKey.longKey(key), ((Number) value).longValue());
		}
		else if (value instanceof Number number) {
			attributes.put(AttributeKey.doubleKey(key), number.doubleValue());
		}
		else {
			attributes.put(AttributeKey.stringKey(key), String.valueOf(value));
		}
	}

	static Severity severity(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> Severity.ERROR;
			case Level.WARN_INT -> Severity.WARN;
			case Level.INFO_INT -> Severity.INFO;
			case Level.DEBUG_INT -> Severity.DEBUG;
			default -> Severity.TRACE;
		};
	}

}
