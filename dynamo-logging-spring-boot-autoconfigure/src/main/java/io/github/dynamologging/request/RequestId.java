package io.github.dynamologging.request;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} rule (docs/requests-and-traces.md): one value of 1 to 1024 characters of
 * visible ASCII and space is kept verbatim, which keeps every id a Dynamo component passes on; a
 * malformed, repeated or missing one is replaced by a new one from the {@link RequestIdGenerator} (a
 * lower-case UUIDv4 by default). A request is never rejected for its id.
 */
public final class RequestId {

	/** The header, read in any case and written back on the response and on outgoing calls. */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key and span attribute that carry the effective id. */
	public static final String MDC_KEY = "x_request_id";

	private static final Pattern VALID = Pattern.compile("[\\x20-\\x7E]{1,1024}");

	private RequestId() {
	}

	/**
	 * The id to use for a request whose {@code X-Request-Id} header had these values (none when absent).
	 */
	public static String effective(List<String> headerValues) {
		return effective(headerValues, GeneratedIds.randomUuid());
	}

	/** The same, a missing or bad id replaced by one of {@code generated}. */
	static String effective(List<String> headerValues, GeneratedIds generated) {
		if (headerValues != null && headerValues.size() == 1) {
			String value = headerValues.get(0);
			if (value != null && VALID.matcher(value).matches()) {
				return value;
			}
		}
		return generated.xRequestId();
	}

	/** Whether {@code value} would be kept as it is. */
	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value).matches();
	}

	/** A new random id: a lower-case UUIDv4 ({@link UUID#randomUUID()} is version 4). */
	public static String generate() {
		return UUID.randomUUID().toString();
	}

}
