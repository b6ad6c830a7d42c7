package io.github.dynamologging.filter;

/**
 * A directive that is valid but probably not what was meant: a bare word one edit away from a level name
 * ({@code debgu}) still sets that logger to trace, as the grammar says, but may have been meant as the level.
 * @param directive the directive as written (trimmed)
 * @param level the level name it looks like, e.g. {@code debug}
 */
public record FilterWarning(String directive, String level) {

	/** e.g. {@code 'debgu' is not a level, so it sets the logger 'debgu' to trace; did you mean ...} */
	public String message() {
		return "'" + this.directive + "'" + consequence();
	}

	/**
	 * The startup warning.
	 * @param sourceName where the filter came from, e.g. {@code DYN_LOG}
	 * @return e.g. {@code Directive 'debgu' in DYN_LOG is not a level, ...}
	 */
	public String describe(String sourceName) {
		return "Directive '" + this.directive + "' in " + sourceName + consequence();
	}

	private String consequence() {
		return " is not a level, so it sets the logger '" + this.directive + "' to trace; did you mean the level '"
				+ this.level + "'? Write " + this.directive + "=trace to keep the logger and silence this warning";
	}

}
