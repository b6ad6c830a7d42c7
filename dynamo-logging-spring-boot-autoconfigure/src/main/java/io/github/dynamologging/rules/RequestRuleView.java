package io.github.dynamologging.rules;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A request rule as {@code GET /actuator/dynlog} lists it under {@code requestRules}.
 * @param id the rule's id, written as {@code dynlog_rule} on the lines it let through
 * @param match what it matches, as given
 * @param filter the filter it applies to matched requests
 * @param expiresAt when it ends (ISO-8601 instant), or {@code null} for a permanent rule
 * @param requestsMatched requests it raised
 * @param requestsSkipped requests it matched but did not raise, being at its requests-per-second cap
 * @param reason why it was made, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RequestRuleView(String id, Map<String, Object> match, String filter, @Nullable String expiresAt,
		long requestsMatched, long requestsSkipped, @Nullable String reason) {

}
