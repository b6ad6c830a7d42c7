package io.github.dynamologging.rules;

import org.jspecify.annotations.Nullable;

/**
 * What a rule decided for one request: the lines to let through while it is handled, on whatever thread.
 * @param ruleId the id of the rule (of the calling service's rule when it came in the baggage), written as
 * {@code dynlog_rule}
 * @param levels the rule's filter
 * @param baggageEntry the signed entry passed on to the services this request calls, or {@code null} when
 * no key is configured
 */
record RuleDecision(String ruleId, RuleLevels levels, @Nullable String baggageEntry) {

}
