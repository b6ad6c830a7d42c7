package io.github.dynamologging.runtime;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a write of the {@code dynlog} endpoint to Boot's actuator on Servlet as it arrived: its raw query
 * string and body become the request's only parameters, which Boot passes to the operation as its arguments
 * ({@link DynlogBody#arguments}), and no body is left for Boot to read. The operation checks them.
 */
class DynlogBodyServletFilter extends OncePerRequestFilter {

	private final Supplier<@Nullable String> endpointPath;

	/** @param endpointPath the endpoint's path within the application, {@code null} when it is not mapped */
	DynlogBodyServletFilter(Supplier<@Nullable String> endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
		if (!DynlogBody.targets(request.getMethod(), path.pathWithinApplication(), this.endpointPath.get())) {
			chain.doFilter(request, response);
			return;
		}
		// A body over the limit goes as its first bytes, enough to refuse it; Tomcat drops the rest.
		byte[] body = "POST".equals(request.getMethod())
				? request.getInputStream().readNBytes(DynlogBody.MAX_BYTES + 1) : null;
		Map<String, String[]> parameters = new LinkedHashMap<>();
		DynlogBody.arguments(request.getQueryString(), body)
			.forEach((name, value) -> parameters.put(name, new String[] { value }));
		chain.doFilter(new Carried(request, Collections.unmodifiableMap(parameters)), response);
	}

	/** The request with the raw query string and body as its parameters, and an empty body. */
	private static final class Carried extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Carried(HttpServletRequest request, Map<String, String[]> parameters) {
			super(request);
			this.parameters = parameters;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return this.parameters.get(name);
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null) ? values[0] : null;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ServletInputStream() {

				@Override
				public int read() {
					return -1;
				}

				@Override
				public boolean isFinished() {
					return true;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					try {
						listener.onAllDataRead();
					}
					catch (IOException ex) {
						listener.onError(ex);
					}
				}

			};
		}

	}

}
