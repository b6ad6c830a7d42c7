package io.github.dynamologging.format;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.dynamologging.format.internal.StackTraceLayout;
import org.slf4j.event.KeyValuePair;

/**
 * Every key of a line beyond {@code time level file line target message}, each once, in UTF-8 byte
 * order: the {@link ExtraFields}, MDC entries, the event's key-value pairs, the thread name and the exception.
 * <p>
 * One key, one value. The event's own key-value pairs win over MDC entries of the same name, and both over
 * an extra field;
 * {@code trace_id}/{@code span_id} win over the {@code traceId}/{@code spanId} aliases tracing libraries
 * put in the MDC; a user key named like one of the line's own keys is kept as {@code fields.<key>}.
 * <p>
 * Not thread-safe: each of an encoder's line writers keeps one and reuses it, one thread at a time, so the
 * common event allocates nothing here.
 */
final class EventFields {

	private static final int EXTRA = 0;

	private static final int ALIAS = 1;

	private static final int MDC = 2;

	private static final int KEY_VALUE = 3;

	private static final int OWN = 4;

	private final FieldKey.Cache userKeys = new FieldKey.Cache();

	private FieldKey[] keys = new FieldKey[16];

	private Object[] values = new Object[16];

	private int[] ranks = new int[16];

	/** The sort's scratch arrays and the last sort: its keys (in collection order) and the order it found. */
	private FieldKey[] sortedKeys = new FieldKey[16];

	private Object[] sortedValues = new Object[16];

	private FieldKey[] lastKeys = new FieldKey[16];

	private int lastSize = -1;

	private int[] order = new int[16];

	private int size;

	/**
	 * Collects the fields of {@code event}.
	 * @param includeException whether to add the {@code exception.*} fields (the readable format prints
	 * the exception on lines of its own instead)
	 */
	void collect(ILoggingEvent event, boolean includeException) {
		collect(event, includeException, ExtraFields.NONE);
	}

	/**
	 * Collects the fields of {@code event} and {@code extra}.
	 * @param includeException whether to add the {@code exception.*} fields
	 * @param extra the fields every line carries
	 */
	void collect(ILoggingEvent event, boolean includeException, ExtraFields extra) {
		this.size = 0;
		this.userKeys.extraFields(extra);
		// First, so they need no scan: the user keys that can replace them are marked as colliding.
		for (int i = 0; i < extra.size(); i++) {
			put(extra.key(i), extra.value(i), EXTRA);
		}
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
			put(FieldKey.EXCEPTION_STACKTRACE, new StackTrace(throwable), OWN);
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
		// The keys of one MDC map are distinct and the line's own keys are never a user key's text, so only
		// keys that can collide (aliases, fields.*, key-value pairs) need the scan.
		if (key.mayCollide() || rank == KEY_VALUE) {
			int existing = indexOf(key.text());
			if (existing >= 0) {
				if (rank >= this.ranks[existing]) {
					this.values[existing] = value;
					this.ranks[existing] = rank;
				}
				return;
			}
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
		this.sortedKeys = new FieldKey[capacity];
		this.sortedValues = new Object[capacity];
		this.lastKeys = new FieldKey[capacity];
		this.lastSize = -1;
		this.order = new int[capacity];
	}

	/**
	 * Sorts the fields by key. Events of one code path carry the same keys in the same order (the keys come
	 * from {@link FieldKey.Cache}, so they are the same objects), so the order found last time is tried
	 * first: checking it is one identity comparison per key, sorting is an insertion sort over the text.
	 */
	private void sort() {
		int size = this.size;
		if (!sameKeysAsLastSort()) {
			int[] order = this.order;
			for (int i = 0; i < size; i++) {
				int index = i;
				String key = this.keys[index].text();
				int j = i - 1;
				while (j >= 0 && Utf8KeyOrder.INSTANCE.compare(this.keys[order[j]].text(), key) > 0) {
					order[j + 1] = order[j];
					j--;
				}
				order[j + 1] = index;
			}
			System.arraycopy(this.keys, 0, this.lastKeys, 0, size);
			this.lastSize = size;
		}
		FieldKey[] sortedKeys = this.sortedKeys;
		Object[] sortedValues = this.sortedValues;
		for (int i = 0; i < size; i++) {
			int from = this.order[i];
			sortedKeys[i] = this.keys[from];
			sortedValues[i] = this.values[from];
		}
		this.sortedKeys = this.keys;
		this.sortedValues = this.values;
		this.keys = sortedKeys;
		this.values = sortedValues;
		// The ranks are only needed while collecting; they no longer match the keys' positions.
	}

	private boolean sameKeysAsLastSort() {
		if (this.size != this.lastSize) {
			return false;
		}
		for (int i = 0; i < this.size; i++) {
			if (this.keys[i] != this.lastKeys[i]) {
				return false;
			}
		}
		return true;
	}

	/** The value of {@code exception.stacktrace}: rendered only when the line is written. */
	record StackTrace(IThrowableProxy throwable) {

		@Override
		public String toString() {
			return stackTrace(this.throwable);
		}

	}

	/** The exception with its causes and suppressed exceptions, as plain text. */
	static String stackTrace(IThrowableProxy throwable) {
		return StackTraceLayout.plainText(throwable);
	}

}
