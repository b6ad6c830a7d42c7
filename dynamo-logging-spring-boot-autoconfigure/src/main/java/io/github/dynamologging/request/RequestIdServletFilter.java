package io.github.dynamologging.request;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

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

	/** Stands for "no request fields were in the MDC" where an attribute cannot hold {@code null}. */
	private static final RequestFields NONE = new RequestFields("", null, null, null, null);

	private final RequestIdentity identity;

	public RequestIdServletFilter() {
		this(RequestIdentity.defaults());
	}

	public RequestIdServletFilter(RequestIdentity identity) {
		this.identity = identity;
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
		RequestFields fields = fieldsOf(request);
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
			}
			else {
				RequestFields.restore(previous);
			}
		}
	}

	/** The fields decided on the request's first pass through this filter, deciding them now if none were. */
	private RequestFields fieldsOf(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof RequestFields decided) {
			return decided;
		}
		String query = request.getQueryString();
		String target = (query != null) ? request.getRequestURI() + "?" + query : request.getRequestURI();
		RequestFields fields = this.identity.decide((name) -> Collections.list(request.getHeaders(name)),
				request.getMethod(), target, request.getProtocol());
		request.setAttribute(ATTRIBUTE, fields);
		return fields;
	}

	/** A pooled thread must not carry this request's fields into the next request. */
	static void restore(RequestFields previous) {
		RequestFields.restore((previous == NONE) ? null : previous);
	}

}
