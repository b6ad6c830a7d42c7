package io.github.dynamologging.format;

import java.util.HashMap;
import java.util.Map;

import io.github.dynamologging.format.internal.FieldNames;
import io.github.dynamologging.format.internal.LoneSurrogates;
import tools.jackson.core.io.SerializedString;

/**
 * A key of a line as it is written: its text ({@code traceId} already renamed {@code trace_id}, a reserved
 * name already {@code fields.<key>}) and, when the text is printable ASCII without {@code "} or {@code \},
 * its pre-quoted bytes, which Jackson copies instead of checking every character again.
 * @param text the key as written (lone surrogates already replaced by U+FFFD)
 * @param name the pre-quoted key, or {@code null} when Jackson must escape the text
 * @param alias whether the key comes from a tracing library's MDC alias ({@code traceId}, {@code spanId})
 * @param mayCollide whether another user key can end up with the same text: only the alias targets,
 * {@code fields.*}, the names of the {@link ExtraFields} and keys holding U+FFFD (repaired or not) can, because
 * the keys of one MDC map are distinct
 */
record FieldKey(String text, SerializedString name, boolean alias, boolean mayCollide) {

	static final FieldKey TRACE_ID = new FieldKey(FieldNames.TRACE_ID, quoted(FieldNames.TRACE_ID), true, true);

	static final FieldKey SPAN_ID = new FieldKey(FieldNames.SPAN_ID, quoted(FieldNames.SPAN_ID), true, true);

	static final FieldKey THREAD_NAME = own(FieldNames.THREAD_NAME);

	static final FieldKey EXCEPTION_TYPE = own(FieldNames.EXCEPTION_TYPE);

	static final FieldKey EXCEPTION_MESSAGE = own(FieldNames.EXCEPTION_MESSAGE);

	static final FieldKey EXCEPTION_STACKTRACE = own(FieldNames.EXCEPTION_STACKTRACE);

	/** How the user key {@code rawKey} (MDC or key-value pair) is written. */
	static FieldKey ofUserKey(String rawKey) {
		return ofUserKey(rawKey, ExtraFields.NONE);
	}

	/** How the user key {@code rawKey} is written on lines that carry {@code extra}. */
	static FieldKey ofUserKey(String rawKey, ExtraFields extra) {
		// Repair first: keys that differ only in lone surrogates are one key once written (so they can
		// collide even within one MDC map, with each other or with a key holding U+FFFD itself), and U+FFFD
		// sorts elsewhere than the surrogate it replaces.
		String key = LoneSurrogates.replace(rawKey);
		if (FieldNames.MDC_TRACE_ID.equals(key)) {
			return TRACE_ID;
		}
		if (FieldNames.MDC_SPAN_ID.equals(key)) {
			return SPAN_ID;
		}
		String text = FieldNames.RESERVED.contains(key) ? FieldNames.USER_FIELD_PREFIX + key : key;
		boolean mayCollide = text.indexOf('\uFFFD') >= 0 || text.equals(FieldNames.TRACE_ID) || text.equals(FieldNames.SPAN_ID)
				|| text.startsWith(FieldNames.USER_FIELD_PREFIX) || extra.contains(text);
		return new FieldKey(text, quoted(text), false, mayCollide);
	}

	/**
	 * The key of an extra field: put before any user key, and the names are distinct and never the line's own
	 * ({@link ExtraFields#problemWith}), so it collides with nothing already there.
	 */
	static FieldKey extra(String name) {
		return new FieldKey(name, quoted(name), false, false);
	}

	/** A key the line writes itself; no user key is ever written under one of these names. */
	private static FieldKey own(String text) {
		return new FieldKey(text, quoted(text), false, false);
	}

	/**
	 * The pre-quoted form when quoting is trivial: {@link SerializedString} quotes with Jackson's standard
	 * escapes only, not with the line's own (U+0085, U+2028, U+2029, lone surrogates), so anything that
	 * could need escaping is left to the generator.
	 */
	private static SerializedString quoted(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
				return null;
			}
		}
		return new SerializedString(text);
	}

	/**
	 * One thread's user keys seen so far, so that a key is classified and quoted once, not once per event.
	 * Bounded in entries and in key length: an application that puts ever new or huge keys in the MDC costs
	 * a classification per event, never memory.
	 */
	static final class Cache {

		static final int MAX_ENTRIES = 256;

		static final int MAX_KEY_LENGTH = 128;

		private final Map<String, FieldKey> keys = new HashMap<>();

		private ExtraFields extra = ExtraFields.NONE;

		/** The extra fields of the lines to come: whether a user key may collide depends on them. */
		void extraFields(ExtraFields extra) {
			if (extra != this.extra) {
				this.extra = extra;
				this.keys.clear();
			}
		}

		FieldKey of(String key) {
			if (key.length() > MAX_KEY_LENGTH) {
				return ofUserKey(key, this.extra);
			}
			FieldKey known = this.keys.get(key);
			if (known == null) {
				if (this.keys.size() >= MAX_ENTRIES) {
					this.keys.clear();
				}
				known = ofUserKey(key, this.extra);
				this.keys.put(key, known);
			}
			return known;
		}

		int size() {
			return this.keys.size();
		}

	}

}
