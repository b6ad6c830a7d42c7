package io.github.dynamologging.schema;

/**
 * A rule of the JSONL format (docs/output.md) that one JSONL log line can break.
 * The {@link #id()} is stable: scripts may match on it.
 */
public enum LineRule {

	EMPTY_LINE("empty-line", "a line holds one JSON object, never nothing"),
	INVALID_UTF8("invalid-utf8", "a line is valid UTF-8"),
	INVALID_JSON("invalid-json", "a line is valid JSON"),
	NOT_AN_OBJECT("not-an-object", "a line's JSON value is an object"),
	EXTRA_CONTENT("extra-content", "a line holds the object and nothing before or after it"),
	MISSING_NEWLINE("missing-newline", "every line ends with \\n"),
	UNESCAPED_LINE_SEPARATOR("unescaped-line-separator", "U+0085, U+2028 and U+2029 are written escaped"),
	LONE_SURROGATE("lone-surrogate", "no key or string value holds a lone UTF-16 surrogate"),
	DUPLICATE_KEY("duplicate-key", "no key appears twice in an object"),
	LEADING_KEY_ORDER("leading-key-order",
			"the object starts with time, level, file, line, target, message in that order"),
	KEY_SORT_ORDER("key-sort-order", "the keys after the leading ones ascend in UTF-8 byte order"),
	SCHEMA("schema", "the object validates against the log line JSON Schema");

	private final String id;

	private final String description;

	LineRule(String id, String description) {
		this.id = id;
		this.description = description;
	}

	/** Short kebab-case name, as printed by the command line. */
	public String id() {
		return this.id;
	}

	/** The rule as a sentence. */
	public String description() {
		return this.description;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
