package io.github.dynamologging.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.dynamologging.format.internal.FieldNames;

/**
 * Fields every line carries, with values fixed when they are set (docs/output.md, "Extra fields"): the pod, the
 * region, the version of the build. Written among the line's other keys in their order, as strings; on a line
 * whose MDC entry or key-value pair has the same name, that one wins. Immutable; an encoder is given a new one
 * with {@link LineEncoder#setExtraFields}.
 */
public final class ExtraFields {

	/** No extra field. */
	public static final ExtraFields NONE = new ExtraFields(Map.of());

	/** The longest name accepted. */
	public static final int MAX_NAME_LENGTH = 128;

	/**
	 * The keys the starter writes itself, on every line or on some: the line's own, the trace's, the request's,
	 * the access line's and the span lines', and the names tracing libraries put in the MDC for two of them.
	 */
	public static final Set<String> RESERVED_NAMES = Set.of(FieldNames.TIME, FieldNames.LEVEL, FieldNames.FILE,
			FieldNames.LINE, FieldNames.TARGET, FieldNames.MESSAGE, FieldNames.THREAD_NAME, FieldNames.EXCEPTION_TYPE,
			FieldNames.EXCEPTION_MESSAGE, FieldNames.EXCEPTION_STACKTRACE, FieldNames.TRACE_ID, FieldNames.SPAN_ID,
			FieldNames.PARENT_ID, FieldNames.SPAN_NAME, FieldNames.MDC_TRACE_ID, FieldNames.MDC_SPAN_ID, "tracestate",
			FieldNames.X_REQUEST_ID, "request_id", "method", "uri", "version", "status", "latency_ms", "dynlog_rule",
			"time.busy_us", "time.idle_us", "time.duration_us");

	/** What a name may hold: the characters of the line's own keys. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}");

	private final Map<String, String> fields;

	private final FieldKey[] keys;

	private final String[] values;

	private ExtraFields(Map<String, String> fields) {
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		this.keys = new FieldKey[fields.size()];
		this.values = new String[fields.size()];
		int i = 0;
		for (Map.Entry<String, String> field : this.fields.entrySet()) {
			this.keys[i] = FieldKey.extra(field.getKey());
			this.values[i] = field.getValue();
			i++;
		}
	}

	/**
	 * The fields, in the order given.
	 * @param fields name to value; a {@code null} value is written as an empty string
	 * @return the fields
	 * @throws IllegalArgumentException naming the first field whose name breaks {@link #problemWith the rule}
	 */
	public static ExtraFields of(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return NONE;
		}
		Map<String, String> checked = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			String problem = problemWith(name);
			if (problem != null) {
				throw new IllegalArgumentException("extra field '" + name + "': " + problem);
			}
			checked.put(name, (value != null) ? value : "");
		});
		return new ExtraFields(checked);
	}

	/**
	 * What is wrong with {@code name} as the name of an extra field, or {@code null} when nothing is: 1 to
	 * {@value #MAX_NAME_LENGTH} letters, digits, {@code .}, {@code _} and {@code -}, none of
	 * {@link #RESERVED_NAMES}, and not starting with {@code fields.} (where the line puts a user key that
	 * collides with one of its own).
	 */
	public static String problemWith(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			return "a name has 1 to " + MAX_NAME_LENGTH + " letters, digits, '.', '_' and '-'";
		}
		if (RESERVED_NAMES.contains(name)) {
			return "'" + name + "' is a key the starter writes itself (" + String.join(", ", RESERVED_NAMES.stream()
				.sorted()
				.toList()) + "); give the field another name";
		}
		if (name.startsWith(FieldNames.USER_FIELD_PREFIX)) {
			return "names starting with '" + FieldNames.USER_FIELD_PREFIX
					+ "' are where a line keeps user keys that collide with its own; give the field another name";
		}
		return null;
	}

	/** Name to value, in the order given. */
	public Map<String, String> asMap() {
		return this.fields;
	}

	/** Whether there is no field. */
	public boolean isEmpty() {
		return this.keys.length == 0;
	}

	/** Whether {@code name} is one of these fields. */
	boolean contains(String name) {
		return this.fields.containsKey(name);
	}

	int size() {
		return this.keys.length;
	}

	FieldKey key(int index) {
		return this.keys[index];
	}

	String value(int index) {
		return this.values[index];
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ExtraFields that && this.fields.equals(that.fields);
	}

	@Override
	public int hashCode() {
		return this.fields.hashCode();
	}

	@Override
	public String toString() {
		return this.fields.toString();
	}

}
