package io.github.dynamologging.rules;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Puts a rule entry into the {@code baggage} header of an outgoing call, next to whatever baggage tracing
 * or the caller wrote there, replacing an entry of ours passed on from elsewhere.
 */
final class RuleBaggageHeader {

	static final String HEADER = "baggage";

	private RuleBaggageHeader() {
	}

	/** Adds the current request's entry, when it has one. */
	static void addCurrent(HttpHeaders headers) {
		add(headers, CurrentRule.get());
	}

	static void add(HttpHeaders headers, @Nullable RuleDecision decision) {
		if (decision == null || decision.baggageEntry() == null) {
			return;
		}
		List<String> members = new ArrayList<>();
		List<String> existing = headers.get(HEADER);
		if (existing != null) {
			for (String header : existing) {
				for (String member : header.split(",")) {
					String trimmed = member.trim();
					if (!trimmed.isEmpty() && !isOurs(trimmed)) {
						members.add(trimmed);
					}
				}
			}
		}
		members.add(RuleBaggage.KEY + "=" + decision.baggageEntry());
		headers.set(HEADER, String.join(",", members));
	}

	private static boolean isOurs(String member) {
		int equals = member.indexOf('=');
		return equals >= 0 && member.substring(0, equals).trim().equals(RuleBaggage.KEY);
	}

}
