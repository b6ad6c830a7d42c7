package io.github.dynamologging.rules;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;

/**
 * A rule decision as a W3C {@code baggage} entry, so the services a matched request calls apply the same
 * filter (docs/runtime-control.md). The entry is {@code dynlog=1.<rule id>.<expiry, epoch seconds>.<filter,
 * base64url>.<HMAC-SHA256 of the rest, base64url>}, signed with the key every service shares; a service
 * honours only entries it can verify with its own copy and that have not expired. Anything else is
 * ignored and counted by reason, never an error for the request.
 */
final class RuleBaggage {

	/** The baggage key. */
	static final String KEY = "dynlog";

	/** How long an entry stays valid at most, also when its rule lasts longer: bounds a replay. */
	static final Duration ENTRY_TTL = Duration.ofMinutes(5);

	/** Longest entry honoured; a W3C baggage header holds at most 8192 bytes in all. */
	static final int MAX_ENTRY = 8192;

	private static final String VERSION = "1";

	private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]{1,32}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	private final Clock clock;

	private final BaggageEntryCounts counts;

	RuleBaggage(String key, Clock clock, BaggageEntryCounts counts) {
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.clock = clock;
		this.counts = counts;
	}

	/** The signed entry value for a request a rule raised, valid until the rule ends or {@link #ENTRY_TTL}. */
	String sign(String ruleId, LogFilter filter, @Nullable Instant ruleExpiresAt) {
		Instant expiresAt = this.clock.instant().plus(ENTRY_TTL);
		if (ruleExpiresAt != null && ruleExpiresAt.isBefore(expiresAt)) {
			expiresAt = ruleExpiresAt;
		}
		String signed = VERSION + "." + ruleId + "." + expiresAt.getEpochSecond() + "."
				+ ENCODER.encodeToString(filter.toFilterString().getBytes(StandardCharsets.UTF_8));
		return signed + "." + ENCODER.encodeToString(mac(signed));
	}

	/**
	 * The decision carried by the first entry of ours that verifies, counting each one ignored.
	 * @param baggageHeaders the request's {@code baggage} header values
	 * @return the decision, or {@code null}
	 */
	@Nullable RuleDecision accept(List<String> baggageHeaders) {
		for (String header : baggageHeaders) {
			for (String member : header.split(",")) {
				String value = ownValue(member);
				if (value == null) {
					continue;
				}
				RuleDecision decision = verify(value);
				if (decision != null) {
					return decision;
				}
			}
		}
		return null;
	}

	/** The value of a list member whose key is ours (W3C: blanks around key and value, properties after ';'). */
	private static @Nullable String ownValue(String member) {
		int equals = member.indexOf('=');
		if (equals < 0 || !member.substring(0, equals).trim().equals(KEY)) {
			return null;
		}
		String value = member.substring(equals + 1);
		int properties = value.indexOf(';');
		return ((properties >= 0) ? value.substring(0, properties) : value).trim();
	}

	private @Nullable RuleDecision verify(String value) {
		if (value.length() > MAX_ENTRY) {
			return ignore(BaggageEntryCounts.Reason.MALFORMED);
		}
		String[] parts = value.split("\\.", -1);
		if (parts.length == 4 && VERSION.equals(parts[0])) {
			return ignore(BaggageEntryCounts.Reason.UNSIGNED);
		}
		if (parts.length != 5 || !VERSION.equals(parts[0])) {
			return ignore(BaggageEntryCounts.Reason.MALFORMED);
		}
		byte[] signature;
		try {
			signature = DECODER.decode(parts[4]);
		}
		catch (IllegalArgumentException ex) {
			return ignore(BaggageEntryCounts.Reason.MALFORMED);
		}
		String signed = value.substring(0, value.lastIndexOf('.'));
		if (!MessageDigest.isEqual(signature, mac(signed))) {
			return ignore(BaggageEntryCounts.Reason.BAD_SIGNATURE);
		}
		// Signed by a holder of the key: from here on only our own encoding can be wrong.
		long expiresAt;
		LogFilter filter;
		try {
			expiresAt = Long.parseLong(parts[2]);
			filter = LogFilter.parseStrict(new String(DECODER.decode(parts[3]), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			// a bad number, bad base64, or an InvalidFilterException
			return ignore(BaggageEntryCounts.Reason.MALFORMED);
		}
		if (!RULE_ID.matcher(parts[1]).matches() || filter.isEmpty()) {
			return ignore(BaggageEntryCounts.Reason.MALFORMED);
		}
		if (this.clock.instant().getEpochSecond() >= expiresAt) {
			return ignore(BaggageEntryCounts.Reason.EXPIRED);
		}
		this.counts.accepted();
		return new RuleDecision(parts[1], new RuleLevels(filter), value);
	}

	/** When an accepted entry stops being valid, read back from its text. */
	static Instant expiresAt(String entry) {
		return Instant.ofEpochSecond(Long.parseLong(entry.split("\\.", -1)[2]));
	}

	private @Nullable RuleDecision ignore(BaggageEntryCounts.Reason reason) {
		this.counts.count(reason);
		return null;
	}

	private byte[] mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			// Every Java platform must provide HmacSHA256.
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
