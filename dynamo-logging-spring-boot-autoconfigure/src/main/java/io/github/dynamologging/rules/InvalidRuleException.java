package io.github.dynamologging.rules;

/**
 * A request rule breaks a rule of its own: a malformed {@code match}, too many rules, an unknown id. The
 * message names the field and the rule, ready to be shown to the operator as it is; nothing changed.
 */
public class InvalidRuleException extends IllegalArgumentException {

	InvalidRuleException(String message) {
		super(message);
	}

}
