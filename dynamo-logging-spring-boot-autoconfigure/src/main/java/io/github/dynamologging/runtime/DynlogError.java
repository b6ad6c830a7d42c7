package io.github.dynamologging.runtime;

/**
 * The body of a refused change, shaped like Spring Boot's error responses.
 * @param status the HTTP status
 * @param error the status's reason phrase
 * @param message what was wrong: the input and the rule
 */
record DynlogError(int status, String error, String message) {

	/** A 400: the input broke a rule named in the message. */
	static DynlogError badRequest(String message) {
		return new DynlogError(400, "Bad Request", message);
	}

}
