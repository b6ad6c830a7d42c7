package io.github.dynamologging.request;

import org.springframework.http.HttpHeaders;

/** The headers an outgoing call made while handling a request carries: that request's two ids. */
final class OutgoingRequestIds {

	private OutgoingRequestIds() {
	}

	/** Adds each id the caller has not set itself. */
	static void add(RequestFields fields, HttpHeaders headers) {
		if (!headers.containsHeader(RequestId.HEADER)) {
			headers.set(RequestId.HEADER, fields.xRequestId());
		}
		if (fields.requestId() != null && !headers.containsHeader(DynamoRequestId.HEADER)) {
			headers.set(DynamoRequestId.HEADER, fields.requestId());
		}
	}

}
