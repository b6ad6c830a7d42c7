package io.github.dynamologging.format.internal;

import java.util.Set;

/**
 * The keys a line is made of (docs/output.md).
 * Not API: may change in any release.
 */
public final class FieldNames {

	public static final String TIME = "time";

	public static final String LEVEL = "level";

	public static final String FILE = "file";

	public static final String LINE = "line";

	public static final String TARGET = "target";

	public static final String MESSAGE = "message";

	public static final String TRACE_ID = "trace_id";

	public static final String SPAN_ID = "span_id";

	public static final String PARENT_ID = "parent_id";

	public static final String SPAN_NAME = "span_name";

	public static final String X_REQUEST_ID = "x_request_id";

	public static final String THREAD_NAME = "thread.name";

	public static final String EXCEPTION_TYPE = "exception.type";

	public static final String EXCEPTION_MESSAGE = "exception.message";

	public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

	/** Where a user key that collides with one of ours is written instead: {@code fields.<key>}. */
	public static final String USER_FIELD_PREFIX = "fields.";

	/**
	 * The MDC keys Micrometer Tracing and Spring Boot use ({@code %X{traceId}}, {@code %correlationId}, Boot's
	 * structured formats): the MDC keeps them, and only the starter's lines write them as {@code trace_id}
	 * and {@code span_id}.
	 */
	public static final String MDC_TRACE_ID = "traceId";

	public static final String MDC_SPAN_ID = "spanId";

	/** Keys the line writes itself; a user key with one of these names is renamed. */
	public static final Set<String> RESERVED = Set.of(TIME, LEVEL, FILE, LINE, TARGET, MESSAGE, THREAD_NAME, EXCEPTION_TYPE,
			EXCEPTION_MESSAGE, EXCEPTION_STACKTRACE);

	private FieldNames() {
	}

	/**
	 * The MDC key under which a line field lives: Micrometer's names for the trace and span id, the field's
	 * own name for the rest.
	 * @param field a line field name
	 * @return its MDC key
	 */
	public static String mdcKey(String field) {
		return switch (field) {
			case TRACE_ID -> MDC_TRACE_ID;
			case SPAN_ID -> MDC_SPAN_ID;
			default -> field;
		};
	}

}
