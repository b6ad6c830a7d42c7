package io.github.dynamologging.runtime;

/**
 * A requested level change breaks a rule; nothing was changed. The message names the input (a directive,
 * the ttl, the reason) and the rule, ready to be shown to the operator as it is.
 */
public class InvalidChangeException extends IllegalArgumentException {

	InvalidChangeException(String message) {
		super(message);
	}

	InvalidChangeException(String message, Throwable cause) {
		super(message, cause);
	}

}
