package io.github.dynamologging.output;

/** Which standard stream the console lines go to. */
public enum OutputStreamName {

	/** Standard error, like Dynamo's components. */
	STDERR("System.err"),

	/** Standard output. */
	STDOUT("System.out");

	private final String logbackTarget;

	OutputStreamName(String logbackTarget) {
		this.logbackTarget = logbackTarget;
	}

	/** The name Logback's {@code ConsoleAppender.setTarget} takes. */
	String logbackTarget() {
		return this.logbackTarget;
	}

}
