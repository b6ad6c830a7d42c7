package io.github.dynamologging.request;

import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import io.github.dynamologging.format.internal.FieldNames;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Decides a Servlet request's {@link RequestFields} (docs/requests-and-traces.md), echoes its
 * {@code X-Request-Id} on the response and puts the fields in the MDC for as long as the request is
 * handled on this thread. Runs on async and error dispatches too and reuses what was decided first, so
 * every line of one request carries the same fields (an error dispatch does not turn {@code uri} into
 * {@code /error}).
 */
public class RequestIdServletFilter extends OncePerRequestFilter {

	/** The request attribute holding the request's {@link RequestFields}. */
	public static final String ATTRIBUTE = RequestIdServletFilter.class.getName() + ".fields";

	/** The MDC request fields to restore when the container is done with a request that failed. */
	static final String PREVIOUS_ATTRIBUTE = RequestIdServletFilter.class.getName() + ".previous";

	/** {@link System#nanoTime()} when the request arrived, for the access line's latency. */
	static final String START_ATTRIBUTE = RequestIdServletFilter.class.getName() + ".start";

	/** The container's response, whose status the access line reports once the request is done. */
	static final String RESPONSE_ATTRIBUTE = RequestIdServletFilter.class.getName() + ".response";

	/** The server span's trace keys this filter put into the MDC for the container's exception line. */
	static final String SPAN_FIELDS_ATTRIBUTE = RequestIdServletFilter.class.getName() + ".spanFields";

	/** Stands for "no request fields were in the MDC" where an attribute cannot hold {@code null}. */
	private static final RequestFields NONE = new RequestFields("", null, null, null, null);

	private final RequestIdentity identity;

	private final ServerSpanFields serverSpanFields;

	public RequestIdServletFilter() {
		this(RequestIdentity.defaults(), ServerSpanFields.NONE);
	}

	RequestIdServletFilter(RequestIdentity identity, ServerSpanFields serverSpanFields) {
		this.identity = identity;
		this.serverSpanFields = serverSpanFields;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestFields fields = fieldsOf(request, response);
		removeSpanFieldsFromMdc(request);
		if (!response.isCommitted()) {
			response.setHeader(RequestId.HEADER, fields.xRequestId());
		}
		RequestFields previous = RequestFields.fromMdc();
		fields.putInMdc();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			if (failed) {
				// The container logs the exception after this filter returns: keep the fields for that line;
				// RequestIdCleanupListener puts the MDC back when the container is done with the request.
				if (request.getAttribute(PREVIOUS_ATTRIBUTE) == null) {
					request.setAttribute(PREVIOUS_ATTRIBUTE, (previous != null) ? previous : NONE);
				}
				putSpanFieldsInMdc(request);
			}
			else {
				RequestFields.restore(previous);
			}
		}
	}

	/** The fields decided on the request's first pass through this filter, deciding them now if none were. */
	private RequestFields fieldsOf(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(ATTRIBUTE) instanceof RequestFields decided) {
			return decided;
		}
		request.setAttribute(START_ATTRIBUTE, System.nanoTime());
		request.setAttribute(RESPONSE_ATTRIBUTE, response);
		String query = request.getQueryString();
		String target = (query != null) ? request.getRequestURI() + "?" + query : request.getRequestURI();
		RequestFields fields = this.identity.decide((name) -> Collections.list(request.getHeaders(name)),
				request.getMethod(), target, request.getProtocol());
		request.setAttribute(ATTRIBUTE, fields);
		return fields;
	}

	/**
	 * The server span has ended and left scope by the time the container logs the exception that escaped
	 * the filters; its trace keys are put back into the MDC for that line, until the next dispatch of this
	 * request (the error page, which has its own scope) or the end of the request.
	 */
	private void putSpanFieldsInMdc(HttpServletRequest request) {
		Map<String, String> spanFields = ServerHttpObservationFilter.findObservationContext(request)
			.map(this.serverSpanFields::of)
			.orElse(Map.of());
		if (!spanFields.isEmpty() && MDC.get(FieldNames.MDC_TRACE_ID) == null) {
			// Under Micrometer's MDC names, as while the span was in scope: every appender sees them.
			Set<String> keys = new HashSet<>();
			spanFields.forEach((key, value) -> {
				String mdcKey = FieldNames.mdcKey(key);
				MDC.put(mdcKey, value);
				keys.add(mdcKey);
			});
			request.setAttribute(SPAN_FIELDS_ATTRIBUTE, keys);
		}
	}

	/** Takes out the trace keys {@link #putSpanFieldsInMdc} put in, if it did. */
	static void removeSpanFieldsFromMdc(ServletRequest request) {
		if (request.getAttribute(SPAN_FIELDS_ATTRIBUTE) instanceof Set<?> keys) {
			request.removeAttribute(SPAN_FIELDS_ATTRIBUTE);
			keys.forEach((key) -> MDC.remove((String) key));
		}
	}

	/** A pooled thread must not carry this request's fields into the next request. */
	static void restore(RequestFields previous) {
		RequestFields.restore((previous == NONE) ? null : previous);
	}

}
