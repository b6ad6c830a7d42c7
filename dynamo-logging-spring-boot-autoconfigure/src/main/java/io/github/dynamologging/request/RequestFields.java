package io.github.dynamologging.request;

import org.slf4j.MDC;

/**
 * What every line logged while a server request is handled carries about that request
 * (docs/requests-and-traces.md): {@code x_request_id}, {@code request_id} and, unless switched off,
 * {@code method}, {@code uri} and {@code version}, as Dynamo's {@code http-request} span writes them.
 * They travel together: in the MDC of the thread handling the request, in a Servlet request attribute,
 * and in the Reactor context.
 *
 * @param xRequestId the effective {@code X-Request-Id}
 * @param requestId the effective {@code request-id}
 * @param method the HTTP method, {@code null} when the HTTP fields are off
 * @param uri the path and query as received, {@code null} when the HTTP fields are off
 * @param version the protocol version ({@code HTTP/1.1}), {@code null} when off or unknown
 */
public record RequestFields(String xRequestId, String requestId, String method, String uri, String version) {

	/** The MDC key of {@link #requestId()} and its span attribute. */
	public static final String REQUEST_ID = "request_id";

	public static final String METHOD = "method";

	public static final String URI = "uri";

	public static final String VERSION = "version";

	/** The fields in the MDC of the current thread, or {@code null} when no request is handled on it. */
	public static RequestFields fromMdc() {
		String xRequestId = MDC.get(RequestId.MDC_KEY);
		if (xRequestId == null) {
			return null;
		}
		return new RequestFields(xRequestId, MDC.get(REQUEST_ID), MDC.get(METHOD), MDC.get(URI), MDC.get(VERSION));
	}

	/** Puts these fields into the MDC of the current thread, replacing whatever request was there. */
	public void putInMdc() {
		MDC.put(RequestId.MDC_KEY, this.xRequestId);
		put(REQUEST_ID, this.requestId);
		put(METHOD, this.method);
		put(URI, this.uri);
		put(VERSION, this.version);
	}

	/** Takes every request field out of the MDC of the current thread. */
	public static void removeFromMdc() {
		MDC.remove(RequestId.MDC_KEY);
		MDC.remove(REQUEST_ID);
		MDC.remove(METHOD);
		MDC.remove(URI);
		MDC.remove(VERSION);
	}

	/** Puts {@code fields} into the MDC, or clears the request fields when {@code null}. */
	static void restore(RequestFields fields) {
		if (fields != null) {
			fields.putInMdc();
		}
		else {
			removeFromMdc();
		}
	}

	private static void put(String key, String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
