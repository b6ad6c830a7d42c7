package io.github.dynamologging.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import io.github.dynamologging.filter.FilterLevel;
import io.github.dynamologging.filter.InvalidFilterException;
import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;

/**
 * What a runtime change may ask for (docs/runtime-control.md): the filter text, the ttl and the reason, each checked with
 * a message naming the input and the rule.
 * @param defaultTtl the ttl of a change that names none
 * @param maxTtl the longest ttl a change may ask for; {@link Duration#ZERO} means no maximum, which also
 * allows {@value #PERMANENT}
 */
record ChangeRules(Duration defaultTtl, Duration maxTtl) {

	/** The ttl of a change that stays until the next change, a reset or a restart. */
	public static final String PERMANENT = "permanent";

	/** Longest filter text, in UTF-8 bytes. */
	public static final int MAX_FILTER_BYTES = 4096;

	/** Most directives in one filter. */
	public static final int MAX_DIRECTIVES = 100;

	/** Longest ttl even without a maximum: beyond it, ask for {@value #PERMANENT}. */
	public static final Duration LONGEST_TTL = Duration.ofDays(365);

	/** Longest reason, in characters. */
	public static final int MAX_REASON_LENGTH = 512;

	public ChangeRules {
		if (defaultTtl.isNegative() || defaultTtl.isZero()) {
			throw new IllegalArgumentException("default-ttl must be positive, but is " + defaultTtl);
		}
		if (maxTtl.isNegative()) {
			throw new IllegalArgumentException(
					"max-ttl must be positive, or 0 for no maximum (permanent changes allowed), but is " + maxTtl);
		}
		if (!maxTtl.isZero() && defaultTtl.compareTo(maxTtl) > 0) {
			throw new IllegalArgumentException(
					"default-ttl (" + defaultTtl + ") must not be longer than max-ttl (" + maxTtl + ")");
		}
	}

	/**
	 * Parses the filter of a change, which must be valid as a whole.
	 * @param text the filter string
	 * @return the filter
	 * @throws InvalidChangeException naming the directive or limit and the rule
	 */
	public LogFilter parseFilter(@Nullable String text) {
		if (text == null) {
			throw emptyFilter();
		}
		int bytes = text.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_FILTER_BYTES) {
			throw new InvalidChangeException("filter is " + bytes + " bytes long; at most " + MAX_FILTER_BYTES
					+ " bytes are allowed");
		}
		long directives = Arrays.stream(text.split(",")).filter((part) -> !part.isBlank()).count();
		if (directives > MAX_DIRECTIVES) {
			throw new InvalidChangeException("filter has " + directives + " directives; at most " + MAX_DIRECTIVES
					+ " are allowed");
		}
		LogFilter filter;
		try {
			filter = LogFilter.parseStrict(text);
		}
		catch (InvalidFilterException ex) {
			throw new InvalidChangeException(ex.getMessage(), ex);
		}
		if (filter.isEmpty()) {
			throw emptyFilter();
		}
		if (filter.rootLevel().orElse(null) == FilterLevel.OFF) {
			throw new InvalidChangeException("Invalid directive '" + rootDirective(text)
					+ "': the root level cannot be set to off at runtime (every log line, errors included, "
					+ "would be lost); use error to keep only errors");
		}
		return filter;
	}

	/**
	 * Parses the ttl of a change.
	 * @param text an ISO-8601 duration such as {@code PT15M}, {@value #PERMANENT}, or {@code null}/blank
	 * for {@link #defaultTtl()}
	 * @return the ttl, or {@code null} for a permanent change
	 * @throws InvalidChangeException naming the ttl and the rule
	 */
	public @Nullable Duration parseTtl(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return this.defaultTtl;
		}
		String trimmed = text.trim();
		if (trimmed.toLowerCase(Locale.ROOT).equals(PERMANENT)) {
			if (!this.maxTtl.isZero()) {
				throw new InvalidChangeException("ttl '" + text + "' is not allowed: changes expire after at most "
						+ this.maxTtl + " (dynamo.logging.dynlog.max-ttl); set max-ttl to 0 to allow permanent changes");
			}
			return null;
		}
		Duration ttl;
		try {
			ttl = Duration.parse(trimmed);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidChangeException("ttl '" + text + "' is not an ISO-8601 duration; write e.g. PT15M "
					+ "(15 minutes), PT30S or PT1H", ex);
		}
		if (ttl.isNegative() || ttl.isZero()) {
			throw new InvalidChangeException("ttl '" + text + "' must be positive, e.g. PT15M");
		}
		if (ttl.compareTo(LONGEST_TTL) > 0) {
			throw new InvalidChangeException("ttl '" + text + "' is longer than " + LONGEST_TTL.toDays()
					+ " days; ask for '" + PERMANENT + "' instead (allowed when dynamo.logging.dynlog.max-ttl is 0)");
		}
		if (!this.maxTtl.isZero() && ttl.compareTo(this.maxTtl) > 0) {
			throw new InvalidChangeException("ttl '" + text + "' is longer than the maximum " + this.maxTtl
					+ " (dynamo.logging.dynlog.max-ttl)");
		}
		return ttl;
	}

	/**
	 * Checks the reason of a change, which goes into the audit line.
	 * @param text the reason; may be {@code null}
	 * @return the trimmed reason, or {@code null} when none was given
	 * @throws InvalidChangeException when it is too long
	 */
	public @Nullable String checkReason(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String reason = text.trim();
		if (reason.length() > MAX_REASON_LENGTH) {
			throw new InvalidChangeException("reason is " + reason.length() + " characters long; at most "
					+ MAX_REASON_LENGTH + " are allowed");
		}
		return reason;
	}

	private static InvalidChangeException emptyFilter() {
		return new InvalidChangeException("filter is empty; a change needs at least one directive such as "
				+ "'com.example.api=debug' (DELETE goes back to the startup filter)");
	}

	/** The directive that set the root level, as written: the last bare level or root target. */
	private static String rootDirective(String text) {
		String found = "off";
		for (String part : text.split(",")) {
			String directive = part.trim();
			if (directive.isEmpty()) {
				continue;
			}
			int separator = directive.indexOf('=') >= 0 ? directive.indexOf('=') : directive.indexOf(':');
			String target = (separator >= 0) ? directive.substring(0, separator).trim() : null;
			if (separator < 0 ? FilterLevel.parse(directive).isPresent() : target.equalsIgnoreCase("root")) {
				found = directive;
			}
		}
		return found;
	}

}
