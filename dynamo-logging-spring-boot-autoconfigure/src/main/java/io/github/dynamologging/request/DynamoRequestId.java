package io.github.dynamologging.request;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamo's own request id (docs/requests-and-traces.md): the header {@code request-id}, read in any case,
 * is kept when it is one UUID (written in lower case, as Dynamo writes it); when it is absent, the
 * deprecated {@code x-dynamo-request-id} is read the same way. A missing or bad value is replaced by a new
 * one from the {@link RequestIdGenerator} (a UUIDv4 by default), never rejected. The deprecation and the bad value each draw at most one WARN a minute.
 */
final class DynamoRequestId {

	/** The header, read in any case and sent on outgoing calls. */
	public static final String HEADER = "request-id";

	/** The header older Dynamo components send; read only when {@link #HEADER} is absent. */
	public static final String DEPRECATED_HEADER = "x-dynamo-request-id";

	private static final Logger log = LoggerFactory.getLogger(DynamoRequestId.class);

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final RateLimitedWarning deprecation;

	private final RateLimitedWarning invalid;

	private final GeneratedIds generated;

	public DynamoRequestId() {
		this(RateLimitedWarning.oncePerMinute(), RateLimitedWarning.oncePerMinute());
	}

	DynamoRequestId(RateLimitedWarning deprecation, RateLimitedWarning invalid) {
		this(deprecation, invalid, GeneratedIds.randomUuid());
	}

	DynamoRequestId(RateLimitedWarning deprecation, RateLimitedWarning invalid, GeneratedIds generated) {
		this.deprecation = deprecation;
		this.invalid = invalid;
		this.generated = generated;
	}

	/**
	 * The id for a request whose {@code request-id} and {@code x-dynamo-request-id} headers had these
	 * values (empty or {@code null} when absent).
	 */
	public String effective(List<String> requestId, List<String> deprecatedRequestId) {
		if (requestId != null && !requestId.isEmpty()) {
			return checked(HEADER, requestId);
		}
		if (deprecatedRequestId != null && !deprecatedRequestId.isEmpty()) {
			this.deprecation.occurred((suppressed) -> log.atWarn()
				.addKeyValue("header", DEPRECATED_HEADER)
				.addKeyValue("suppressed", suppressed)
				.log("Header {} is deprecated; it was read because {} was absent. Send the request id as {} instead"
						+ " (at most one such warning a minute; suppressed counts the requests not reported)",
						DEPRECATED_HEADER, HEADER, HEADER));
			return checked(DEPRECATED_HEADER, deprecatedRequestId);
		}
		return this.generated.requestId();
	}

	private String checked(String header, List<String> values) {
		if (values.size() == 1 && values.get(0) != null && UUID.matcher(values.get(0)).matches()) {
			return values.get(0).toLowerCase(Locale.ROOT);
		}
		this.invalid.occurred((suppressed) -> log.atWarn()
			.addKeyValue("header", header)
			.addKeyValue("suppressed", suppressed)
			.log("Header {} must be one UUID (8-4-4-4-12 hexadecimal digits, sent once); the request got a new"
					+ " request id instead. Send one UUID or leave the header out (at most one such warning a"
					+ " minute; suppressed counts the requests not reported)", header));
		return this.generated.requestId();
	}

}
