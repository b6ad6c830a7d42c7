package io.github.dynamologging.tracing;

import java.util.Collections;
import java.util.List;

import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * Every value of a header in a carrier. A propagator's getter returns only the first value; the W3C rules
 * need all of them (a second {@code traceparent}, several {@code tracestate} headers), so the server
 * requests of both web stacks are read directly. Other carriers give what their getter gives.
 */
final class CarrierHeaders {

	private static final boolean SERVLET = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			CarrierHeaders.class.getClassLoader());

	private static final boolean REACTIVE = ClassUtils.isPresent(
			"org.springframework.http.server.reactive.ServerHttpRequest", CarrierHeaders.class.getClassLoader());

	private CarrierHeaders() {
	}

	static <C> List<String> all(C carrier, TextMapGetter<C> getter, String name) {
		if (SERVLET && carrier instanceof HttpServletRequest request) {
			return Collections.list(request.getHeaders(name));
		}
		if (REACTIVE && carrier instanceof ServerHttpRequest request) {
			return request.getHeaders().getOrEmpty(name);
		}
		String value = getter.get(carrier, name);
		return (value != null) ? List.of(value) : List.of();
	}

}
