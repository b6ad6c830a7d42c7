package io.github.dynamologging.runtime;

/**
 * The body of a refused change, shaped like Spring Boot's error responses.
 * @param status the HTTP status
 * @param error the status's reason phrase
 * @param message what was wrong: the input and the rule
 */
public record DynlogError(int status, String error, String message) {

}
