package io.github.dynamologging.request;

import java.io.IOException;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides a Servlet request's id (SPEC 5), echoes it on the response and puts it in the MDC for as long
 * as the request is handled on this thread. Runs on async and error dispatches too and reuses the id
 * decided first, so every line of one request carries the same id.
 */
public class RequestIdServletFilter extends OncePerRequestFilter {

	/** The request attribute holding the effective id. */
	public static final String ATTRIBUTE = RequestIdServletFilter.class.getName() + ".id";

	/** The MDC id to restore when the container is done with a request that failed. */
	static final String PREVIOUS_ATTRIBUTE = RequestIdServletFilter.class.getName() + ".previous";

	private static final String NONE = "";

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
		String id = (String) request.getAttribute(ATTRIBUTE);
		if (id == null) {
			id = RequestId.effective(Collections.list(request.getHeaders(RequestId.HEADER)));
			request.setAttribute(ATTRIBUTE, id);
		}
		if (!response.isCommitted()) {
			response.setHeader(RequestId.HEADER, id);
		}
		String previous = MDC.get(RequestId.MDC_KEY);
		MDC.put(RequestId.MDC_KEY, id);
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			if (failed) {
				// The container logs the exception after this filter returns: keep the id for that line;
				// RequestIdCleanupListener puts the MDC back when the container is done with the request.
				if (request.getAttribute(PREVIOUS_ATTRIBUTE) == null) {
					request.setAttribute(PREVIOUS_ATTRIBUTE, (previous != null) ? previous : NONE);
				}
			}
			else {
				restore(previous);
			}
		}
	}

	/** A pooled thread must not carry this id into the next request. */
	static void restore(String previous) {
		if (previous != null && !previous.equals(NONE)) {
			MDC.put(RequestId.MDC_KEY, previous);
		}
		else {
			MDC.remove(RequestId.MDC_KEY);
		}
	}

}
