package io.github.dynamologging.request;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What lines logged while a server request is handled say about it (docs/requests-and-traces.md). */
@ConfigurationProperties("dynamo.logging.request")
public class RequestLoggingProperties {

	/**
	 * Whether the starter handles request identity at all: X-Request-Id and request-id decided, echoed and
	 * passed on by the HTTP clients, the HTTP fields and the access line. False: no request filter, handler
	 * decorator or client interceptor of the starter's is registered.
	 */
	private boolean enabled = true;

	/**
	 * Whether every line logged while a server request is handled carries its 'method', 'uri' (path and
	 * query as received) and 'version' (HTTP/1.1), as Dynamo's http-request span writes them.
	 */
	private boolean httpFields = true;

	/**
	 * Whether 'uri' includes the query string. Switch off when query strings may hold secrets or personal
	 * data: 'uri' then holds the path only.
	 */
	private boolean queryString = true;

	/**
	 * Whether each server request writes one 'http response sent' line when its response is complete,
	 * with 'status' and 'latency_ms', through the logger 'dynamo.logging.access' (which the filter can
	 * also silence).
	 */
	private boolean accessLog = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isHttpFields() {
		return this.httpFields;
	}

	public void setHttpFields(boolean httpFields) {
		this.httpFields = httpFields;
	}

	public boolean isQueryString() {
		return this.queryString;
	}

	public void setQueryString(boolean queryString) {
		this.queryString = queryString;
	}

	public boolean isAccessLog() {
		return this.accessLog;
	}

	public void setAccessLog(boolean accessLog) {
		this.accessLog = accessLog;
	}

	/** The rules for building a request's fields from these settings, new ids made by {@code generator}. */
	RequestIdentity identity(RequestIdGenerator generator) {
		return new RequestIdentity(generator, this.httpFields, this.queryString);
	}

	/** What writes the access lines; {@code null} when they are off. */
	AccessLog accessLog() {
		return this.accessLog ? new AccessLog(ServerSpanFields.fromTracing()) : null;
	}

}
