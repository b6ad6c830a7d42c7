package io.github.dynamologging.filter;

import java.util.List;

/**
 * The outcome of a lenient parse: the filter made of the valid directives, and one problem per invalid
 * directive, in the order they were written.
 * @param filter the valid directives
 * @param problems the rejected directives
 */
public record FilterParseResult(LogFilter filter, List<FilterProblem> problems) {

	public FilterParseResult {
		problems = List.copyOf(problems);
	}

	/** Whether any directive was rejected. */
	public boolean hasProblems() {
		return !this.problems.isEmpty();
	}

}
