package io.github.dynamologging.filter;

import java.util.List;

/**
 * The outcome of a lenient parse: the filter made of the valid directives, one problem per invalid
 * directive, and one warning per valid directive that was probably meant otherwise, each in the order they
 * were written.
 * @param filter the valid directives
 * @param problems the rejected directives
 * @param warnings the valid directives that look like a misspelt level
 */
public record FilterParseResult(LogFilter filter, List<FilterProblem> problems, List<FilterWarning> warnings) {

	public FilterParseResult {
		problems = List.copyOf(problems);
		warnings = List.copyOf(warnings);
	}

	/** Whether any directive was rejected. */
	public boolean hasProblems() {
		return !this.problems.isEmpty();
	}

}
