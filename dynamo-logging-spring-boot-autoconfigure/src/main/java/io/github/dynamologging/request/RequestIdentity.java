package io.github.dynamologging.request;

import java.util.List;

/**
 * Decides a server request's {@link RequestFields} from what it received, the same way on every web
 * stack: the two request ids by their rules, and the HTTP fields as the settings ask.
 */
final class RequestIdentity {

	private final GeneratedIds generated;

	private final DynamoRequestId dynamoRequestId;

	private final boolean httpFields;

	private final boolean queryString;

	RequestIdentity(RequestIdGenerator generator, boolean httpFields, boolean queryString) {
		this.generated = new GeneratedIds(generator);
		this.dynamoRequestId = new DynamoRequestId(RateLimitedWarning.oncePerMinute(),
				RateLimitedWarning.oncePerMinute(), this.generated);
		this.httpFields = httpFields;
		this.queryString = queryString;
	}

	/** With every field on, as by default. */
	public static RequestIdentity defaults() {
		return new RequestIdentity(RequestIdGenerator.randomUuid(), true, true);
	}

	/**
	 * @param headers the values a request header had, by name, any case; empty or {@code null} when absent
	 * @param method the HTTP method
	 * @param target the request target as received: path, then {@code ?} and the query when there is one
	 * @param version the protocol version ({@code HTTP/1.1}), {@code null} when unknown
	 */
	public RequestFields decide(HeaderValues headers, String method, String target, String version) {
		String xRequestId = RequestId.effective(headers.get(RequestId.HEADER), this.generated);
		String requestId = this.dynamoRequestId.effective(headers.get(DynamoRequestId.HEADER),
				headers.get(DynamoRequestId.DEPRECATED_HEADER));
		if (!this.httpFields) {
			return new RequestFields(xRequestId, requestId, null, null, null);
		}
		return new RequestFields(xRequestId, requestId, method, uri(target), version);
	}

	private String uri(String target) {
		if (this.queryString || target == null) {
			return target;
		}
		int query = target.indexOf('?');
		return (query < 0) ? target : target.substring(0, query);
	}

	/** A request's header values by name, in any case. */
	@FunctionalInterface
	public interface HeaderValues {

		List<String> get(String name);

	}

}
