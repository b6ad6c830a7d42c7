package io.github.dynamologging.schema;

/**
 * How many lines were checked and how many of them broke at least one rule.
 *
 * @param lines the number of lines checked
 * @param invalidLines the number of lines with at least one problem
 */
public record ValidationSummary(long lines, long invalidLines) {

	public ValidationSummary {
		if (lines < 0 || invalidLines < 0 || invalidLines > lines) {
			throw new IllegalArgumentException(
					"need 0 <= invalidLines <= lines, got lines=" + lines + ", invalidLines=" + invalidLines);
		}
	}

	public long validLines() {
		return this.lines - this.invalidLines;
	}

	public boolean allValid() {
		return this.invalidLines == 0;
	}

	/** The counts of this summary and another added up, for several files. */
	public ValidationSummary plus(ValidationSummary other) {
		return new ValidationSummary(this.lines + other.lines, this.invalidLines + other.invalidLines);
	}

	/** {@code N lines: N valid, N invalid}. */
	@Override
	public String toString() {
		return this.lines + " lines: " + validLines() + " valid, " + this.invalidLines + " invalid";
	}

}
