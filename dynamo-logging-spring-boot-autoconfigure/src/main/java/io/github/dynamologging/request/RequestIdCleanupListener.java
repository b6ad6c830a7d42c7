package io.github.dynamologging.request;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Clears the request fields from the MDC once the container is done with a request that failed, after
 * it has logged the exception and rendered the error page, so those lines carry the fields too and the
 * pooled thread carries nothing into the next request.
 */
class RequestIdCleanupListener implements ServletRequestListener {

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		Object previous = event.getServletRequest().getAttribute(RequestIdServletFilter.PREVIOUS_ATTRIBUTE);
		if (previous instanceof RequestFields fields) {
			event.getServletRequest().removeAttribute(RequestIdServletFilter.PREVIOUS_ATTRIBUTE);
			RequestIdServletFilter.restore(fields);
		}
	}

}
