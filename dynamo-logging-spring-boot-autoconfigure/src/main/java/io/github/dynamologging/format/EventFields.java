package io.github.dynamologging.format;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import org.slf4j.event.KeyValuePair;

/**
 * Every key of a line beyond {@code time level file line target message}, each once, in UTF-8 byte
 * order: MDC entries, the event's key-value pairs, the thread name and the exception.
 * <p>
 * One key, one value. The event's own key-value pairs win over MDC entries of the same name;
 * {@code trace_id}/{@code span_id} win over the {@code traceId}/{@code spanId} aliases tracing libraries
 * put in the MDC; a user key named like one of the line's own keys is kept as {@code fields.<key>}.
 * <p>
 * Not thread-safe: an encoder keeps one per thread and reuses it, so the common event allocates nothing
 * here.
 */
final class EventFields {

	private static final int ALIAS = 0;

	private static final int MDC = 1;

	private static final int KEY_VALUE = 2;

	private static final int OWN = 3;

	private final FieldKey.Cache userKeys = new FieldKey.Cache();

	private FieldKey[] keys = new FieldKey[16];

	private Object[] values = new Object[16];

	private int[] ranks = new int[16];

	private int size;

	/**
	 * Collects the fields of {@code event}.
	 * @param includeException whether to add the {@code exception.*} fields (the readable format prints
	 * the exception on lines of its own instead)
	 */
	void collect(ILoggingEvent event, boolean includeException) {
		this.size = 0;
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null && !mdc.isEmpty()) {
			for (Map.Entry<String, String> entry : mdc.entrySet()) {
				addUserField(entry.getKey(), entry.getValue(), MDC);
			}
		}
		List<KeyValuePair> keyValuePairs = event.getKeyValuePairs();
		if (keyValuePairs != null) {
			for (int i = 0; i < keyValuePairs.size(); i++) {
				KeyValuePair pair = keyValuePairs.get(i);
				addUserField(pair.key, pair.value, KEY_VALUE);
			}
		}
		put(FieldKey.THREAD_NAME, event.getThreadName(), OWN);
		IThrowableProxy throwable = event.getThrowableProxy();
		if (includeException && throwable != null) {
			put(FieldKey.EXCEPTION_TYPE, throwable.getClassName(), OWN);
			if (throwable.getMessage() != null) {
				put(FieldKey.EXCEPTION_MESSAGE, throwable.getMessage(), OWN);
			}
			put(FieldKey.EXCEPTION_STACKTRACE, stackTrace(throwable), OWN);
		}
		sort();
	}

	int size() {
		return this.size;
	}

	String key(int index) {
		return this.keys[index].text();
	}

	/** The key with its pre-quoted form, when it has one. */
	FieldKey fieldKey(int index) {
		return this.keys[index];
	}

	Object value(int index) {
		return this.values[index];
	}

	/** The value of {@code key}, or {@code null}. */
	Object get(String key) {
		int index = indexOf(key);
		return (index < 0) ? null : this.values[index];
	}

	private void addUserField(String key, Object value, int rank) {
		if (key == null) {
			return;
		}
		FieldKey fieldKey = this.userKeys.of(key);
		put(fieldKey, value, fieldKey.alias() ? ALIAS : rank);
	}

	private void put(FieldKey key, Object value, int rank) {
		int existing = indexOf(key.text());
		if (existing >= 0) {
			if (rank >= this.ranks[existing]) {
				this.values[existing] = value;
				this.ranks[existing] = rank;
			}
			return;
		}
		if (this.size == this.keys.length) {
			grow();
		}
		this.keys[this.size] = key;
		this.values[this.size] = value;
		this.ranks[this.size] = rank;
		this.size++;
	}

	private int indexOf(String key) {
		for (int i = 0; i < this.size; i++) {
			if (this.keys[i].text().equals(key)) {
				return i;
			}
		}
		return -1;
	}

	private void grow() {
		int capacity = this.keys.length * 2;
		this.keys = java.util.Arrays.copyOf(this.keys, capacity);
		this.values = java.util.Arrays.copyOf(this.values, capacity);
		this.ranks = java.util.Arrays.copyOf(this.ranks, capacity);
	}

	/** Insertion sort: a line has a handful of fields and this allocates nothing. */
	private void sort() {
		for (int i = 1; i < this.size; i++) {
			FieldKey key = this.keys[i];
			Object value = this.values[i];
			int rank = this.ranks[i];
			int j = i - 1;
			while (j >= 0 && Utf8KeyOrder.INSTANCE.compare(this.keys[j].text(), key.text()) > 0) {
				this.keys[j + 1] = this.keys[j];
				this.values[j + 1] = this.values[j];
				this.ranks[j + 1] = this.ranks[j];
				j--;
			}
			this.keys[j + 1] = key;
			this.values[j + 1] = value;
			this.ranks[j + 1] = rank;
		}
	}

	/** Logback's rendering of the exception with its causes and suppressed exceptions. */
	static String stackTrace(IThrowableProxy throwable) {
		String text = ThrowableProxyUtil.asString(throwable);
		return text.endsWith(CoreConstants.LINE_SEPARATOR)
				? text.substring(0, text.length() - CoreConstants.LINE_SEPARATOR.length()) : text;
	}

}
