package io.github.dynamologging.request;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Runs when the container is done with a request: after the error page of a failed one and after the
 * completion of an async one. Writes the access line (when on), then clears what the filter left in the
 * MDC for a failed request (kept so the container's exception line carries it), so the pooled thread
 * carries nothing into the next request.
 */
class RequestIdCleanupListener implements ServletRequestListener {

	private final AccessLog accessLog;

	RequestIdCleanupListener() {
		this(null);
	}

	/** @param accessLog writes the access lines; {@code null} when they are off */
	RequestIdCleanupListener(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		ServletRequest request = event.getServletRequest();
		if (this.accessLog != null) {
			writeAccessLine(request);
		}
		RequestIdServletFilter.removeSpanFieldsFromMdc(request);
		Object previous = request.getAttribute(RequestIdServletFilter.PREVIOUS_ATTRIBUTE);
		if (previous instanceof RequestFields fields) {
			request.removeAttribute(RequestIdServletFilter.PREVIOUS_ATTRIBUTE);
			RequestIdServletFilter.restore(fields);
		}
	}

	private void writeAccessLine(ServletRequest request) {
		if (request.getAttribute(RequestIdServletFilter.ATTRIBUTE) instanceof RequestFields fields
				&& request.getAttribute(RequestIdServletFilter.START_ATTRIBUTE) instanceof Long start
				&& request.getAttribute(RequestIdServletFilter.RESPONSE_ATTRIBUTE) instanceof HttpServletResponse response
				&& request instanceof HttpServletRequest httpRequest) {
			Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			int status = AccessLog.isClientAbort((failure instanceof Throwable thrown) ? thrown : null)
					? AccessLog.CLIENT_CLOSED_REQUEST : response.getStatus();
			this.accessLog.write(fields, status, start,
					ServerHttpObservationFilter.findObservationContext(httpRequest).orElse(null));
		}
	}

}
