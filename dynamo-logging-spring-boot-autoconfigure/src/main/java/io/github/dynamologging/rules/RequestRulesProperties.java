package io.github.dynamologging.rules;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-request log rules (docs/runtime-control.md). Rules are added through the {@code dynlog} endpoint;
 * their ttl follows {@code dynamo.logging.dynlog.default-ttl} and {@code max-ttl}.
 */
@ConfigurationProperties("dynamo.logging.request-rules")
public class RequestRulesProperties {

	/** Shortest key accepted: HMAC-SHA256 needs about as many random bytes as it has output to be safe. */
	static final int MIN_KEY_LENGTH = 32;

	/** How many requests each rule raises per second at most; further matching requests are skipped and counted. */
	private int maxRequestsPerSecond = 10;

	/**
	 * The secret shared by every service (e.g. from a Kubernetes Secret): with it, a request a rule raised
	 * passes the rule on to the services it calls in a signed W3C baggage entry, and entries signed with it
	 * are honoured. Without it, nothing is sent or honoured.
	 */
	private @Nullable String key;

	public int getMaxRequestsPerSecond() {
		return this.maxRequestsPerSecond;
	}

	public void setMaxRequestsPerSecond(int maxRequestsPerSecond) {
		if (maxRequestsPerSecond < 1) {
			throw new IllegalArgumentException("dynamo.logging.request-rules.max-requests-per-second must be at least 1, "
					+ "but is " + maxRequestsPerSecond);
		}
		this.maxRequestsPerSecond = maxRequestsPerSecond;
	}

	public @Nullable String getKey() {
		return this.key;
	}

	public void setKey(@Nullable String key) {
		if (key != null && !key.isEmpty() && key.length() < MIN_KEY_LENGTH) {
			throw new IllegalArgumentException("dynamo.logging.request-rules.key is " + key.length()
					+ " characters long; a key needs at least " + MIN_KEY_LENGTH
					+ " (e.g. the output of 'openssl rand -base64 32'), the same on every service");
		}
		this.key = (key == null || key.isEmpty()) ? null : key;
	}

}
