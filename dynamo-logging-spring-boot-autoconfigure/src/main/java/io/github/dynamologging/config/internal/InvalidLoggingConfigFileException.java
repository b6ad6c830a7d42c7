package io.github.dynamologging.config.internal;

import java.nio.file.Path;

/**
 * A logging TOML file exists but cannot be used: it does not parse, holds a value of the wrong type, or
 * names an invalid level or target. Carries where (file, line, column when known), what and how to fix
 * it.
 *
 * Not API: may change in any release.
 */
public class InvalidLoggingConfigFileException extends IllegalStateException {

	private final transient Path file;

	private final int line;

	private final int column;

	private final String problem;

	private final String fix;

	/**
	 * @param file the file
	 * @param line 1-based line, or 0 when unknown
	 * @param column 1-based column, or 0 when unknown
	 * @param problem what is wrong, phrased for the person who wrote the file
	 * @param fix what to write instead
	 * @param cause the parser's exception, if any
	 */
	InvalidLoggingConfigFileException(Path file, int line, int column, String problem, String fix,
			Throwable cause) {
		super("Invalid logging config file " + file + position(line, column) + ": " + problem, cause);
		this.file = file;
		this.line = line;
		this.column = column;
		this.problem = problem;
		this.fix = fix;
	}

	private static String position(int line, int column) {
		if (line <= 0) {
			return "";
		}
		return (column > 0) ? " at line " + line + ", column " + column : " at line " + line;
	}

	/** The file. */
	public Path file() {
		return this.file;
	}

	/** The 1-based line of the problem, or 0 when unknown. */
	public int line() {
		return this.line;
	}

	/** The 1-based column of the problem, or 0 when unknown. */
	public int column() {
		return this.column;
	}

	/** What is wrong. */
	public String problem() {
		return this.problem;
	}

	/** What to write instead. */
	public String fix() {
		return this.fix;
	}

	/** {@code " at line 3, column 5"}, {@code " at line 3"} or empty. */
	public String positionText() {
		return position(this.line, this.column);
	}

}
