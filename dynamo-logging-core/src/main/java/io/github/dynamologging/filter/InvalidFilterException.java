package io.github.dynamologging.filter;

/**
 * A filter string, or part of one, breaks the grammar. The message quotes the offending directive and
 * the rule, so it can be shown to the user as it is.
 */
public class InvalidFilterException extends IllegalArgumentException {

	private final transient FilterProblem problem;

	InvalidFilterException(FilterProblem problem) {
		super("Invalid directive '" + problem.directive() + "': " + problem.reason());
		this.problem = problem;
	}

	/** The rejected directive and the rule it broke. */
	public FilterProblem problem() {
		return this.problem;
	}

}
