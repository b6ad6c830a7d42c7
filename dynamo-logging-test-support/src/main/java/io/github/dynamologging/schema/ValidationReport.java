package io.github.dynamologging.schema;

import java.util.List;

/**
 * The outcome of checking a whole JSONL log: the counts and every problem found, in line order.
 *
 * @param summary line counts
 * @param problems every problem, in line order
 */
public record ValidationReport(ValidationSummary summary, List<LineProblem> problems) {

	public ValidationReport {
		problems = List.copyOf(problems);
	}

	public boolean allValid() {
		return this.summary.allValid();
	}

	/** The problems of one line, for tests that look at a single line of a captured log. */
	public List<LineProblem> problemsOfLine(long lineNumber) {
		return this.problems.stream().filter((problem) -> problem.lineNumber() == lineNumber).toList();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.problems.forEach((problem) -> text.append(problem).append('\n'));
		return text.append(this.summary).toString();
	}

}
