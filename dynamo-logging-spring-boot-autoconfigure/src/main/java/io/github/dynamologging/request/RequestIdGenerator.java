package io.github.dynamologging.request;

import java.util.UUID;

/**
 * Makes the ids a request gets when it arrives without a usable one (docs/configuration.md, "Extending the
 * starter"). The starter's is {@link #randomUuid()}; declare a bean of this type and the starter uses yours.
 * <p>
 * Called on the thread that accepts the request, once per id it needs: keep it fast and thread-safe. A
 * generator that fails, or whose {@code X-Request-Id} breaks that header's rule, costs the request nothing
 * but its id: it gets a random UUIDv4 instead, and a WARN (at most one a minute) says why.
 */
@FunctionalInterface
public interface RequestIdGenerator {

	/**
	 * A new {@code X-Request-Id}: 1 to 1024 characters of visible ASCII and space, like any id the header
	 * keeps (a prefixed id, a ULID, a UUIDv7).
	 * @return the id, echoed on the response and carried as {@code x_request_id} on every line of the request
	 */
	String generateXRequestId();

	/**
	 * A new {@code request-id}: Dynamo's own id, which is always a UUID (Dynamo refuses anything else). A
	 * random UUIDv4 unless overridden.
	 * @return the id, carried as {@code request_id} and sent on as {@code request-id}
	 */
	default UUID generateRequestId() {
		return UUID.randomUUID();
	}

	/** The starter's own: a lower-case random UUIDv4 for both ids. */
	static RequestIdGenerator randomUuid() {
		return RandomUuid.INSTANCE;
	}

	/** Random UUIDv4s ({@link UUID#randomUUID()} is version 4). */
	enum RandomUuid implements RequestIdGenerator {

		INSTANCE;

		@Override
		public String generateXRequestId() {
			return UUID.randomUUID().toString();
		}

	}

}
