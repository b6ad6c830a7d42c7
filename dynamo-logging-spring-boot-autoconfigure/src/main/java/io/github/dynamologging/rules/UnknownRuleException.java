package io.github.dynamologging.rules;

/** No request rule has the id a removal names (it may have expired). */
public class UnknownRuleException extends IllegalArgumentException {

	UnknownRuleException(String id) {
		super("There is no request rule with id '" + id + "' (it may have expired); GET /actuator/dynlog lists "
				+ "the rules in force under requestRules");
	}

}
