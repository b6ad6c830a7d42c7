package io.github.dynamologging.filter;

/**
 * One directive of a filter string that was rejected, and the rule it broke.
 * @param directive the directive as written (trimmed)
 * @param reason which rule it broke, phrased for the person who wrote it
 */
public record FilterProblem(String directive, String reason) {

	/**
	 * The startup warning for this problem.
	 * @param sourceName where the filter came from, e.g. {@code DYN_LOG}
	 * @return e.g. {@code Ignoring directive 'com foo=debug' in DYN_LOG: a target may only contain ...}
	 */
	public String describe(String sourceName) {
		return "Ignoring directive '" + this.directive + "' in " + sourceName + ": " + this.reason;
	}

}
