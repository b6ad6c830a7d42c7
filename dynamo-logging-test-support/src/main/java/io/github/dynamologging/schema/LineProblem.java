package io.github.dynamologging.schema;

import java.util.Objects;

/**
 * One rule broken by one line of a JSONL log.
 *
 * @param lineNumber the 1-based number of the line in its file or stream
 * @param rule the rule broken
 * @param detail what exactly is wrong on that line
 */
public record LineProblem(long lineNumber, LineRule rule, String detail) {

	public LineProblem {
		if (lineNumber < 1) {
			throw new IllegalArgumentException("lineNumber must be 1 or more, was " + lineNumber);
		}
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(detail, "detail");
	}

	/** {@code LINE: rule-id: detail}, the form the command line prints after the path. */
	@Override
	public String toString() {
		return this.lineNumber + ": " + this.rule.id() + ": " + this.detail;
	}

}
