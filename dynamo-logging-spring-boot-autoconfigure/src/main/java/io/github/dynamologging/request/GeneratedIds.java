package io.github.dynamologging.request;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids a {@link RequestIdGenerator} makes, held to the rule of the header each goes into: an id that
 * breaks it, or a generator that fails, gives a random UUIDv4 and at most one WARN a minute naming the
 * generator and the rule. A request is never failed for its id.
 */
final class GeneratedIds {

	private static final Logger log = LoggerFactory.getLogger(RequestIdGenerator.class);

	private final RequestIdGenerator generator;

	private final RateLimitedWarning unusable;

	GeneratedIds(RequestIdGenerator generator) {
		this(generator, RateLimitedWarning.oncePerMinute());
	}

	GeneratedIds(RequestIdGenerator generator, RateLimitedWarning unusable) {
		this.generator = generator;
		this.unusable = unusable;
	}

	/** The starter's own generator, which needs no checks. */
	static GeneratedIds randomUuid() {
		return new GeneratedIds(RequestIdGenerator.randomUuid());
	}

	/** A new {@code X-Request-Id}. */
	String xRequestId() {
		if (this.generator == RequestIdGenerator.randomUuid()) {
			return UUID.randomUUID().toString();
		}
		String id;
		try {
			id = this.generator.generateXRequestId();
		}
		catch (RuntimeException ex) {
			warn(RequestId.HEADER, "it threw " + ex);
			return UUID.randomUUID().toString();
		}
		if (!RequestId.isValid(id)) {
			warn(RequestId.HEADER, (id == null) ? "it returned null"
					: "it returned " + id.length() + " characters, not 1 to 1024 characters of visible ASCII and space");
			return UUID.randomUUID().toString();
		}
		return id;
	}

	/** A new {@code request-id} ({@link UUID#toString()} is lower case, as Dynamo writes it). */
	String requestId() {
		try {
			UUID id = this.generator.generateRequestId();
			if (id != null) {
				return id.toString();
			}
			warn(DynamoRequestId.HEADER, "it returned null");
		}
		catch (RuntimeException ex) {
			warn(DynamoRequestId.HEADER, "it threw " + ex);
		}
		return UUID.randomUUID().toString();
	}

	private void warn(String header, String problem) {
		this.unusable.occurred((suppressed) -> log.atWarn()
			.addKeyValue("header", header)
			.addKeyValue("generator", this.generator.getClass().getName())
			.addKeyValue("suppressed", suppressed)
			.log("The request id generator {} made no usable {}: {}; the request got a random UUIDv4 instead. Fix the"
					+ " generator (at most one such warning a minute; suppressed counts the requests not reported)",
					this.generator.getClass().getName(), header, problem));
	}

}
