package io.github.dynamologging.runtime;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link DynlogBody}'s check on Servlet: a write of the {@code dynlog} endpoint with a query string or a bad
 * {@code POST} body is answered here with a {@link DynlogError}; a good one goes on, replayed as the known
 * fields only.
 */
class DynlogBodyServletFilter extends OncePerRequestFilter {

	private final Supplier<@Nullable String> endpointPath;

	private final boolean writesNeedPrincipal;

	/**
	 * @param endpointPath the endpoint's path within the application, {@code null} when it takes no writes
	 * @param writesNeedPrincipal whether a write without an authenticated user is refused (Spring Security)
	 */
	DynlogBodyServletFilter(Supplier<@Nullable String> endpointPath, boolean writesNeedPrincipal) {
		this.endpointPath = endpointPath;
		this.writesNeedPrincipal = writesNeedPrincipal;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
		if (!DynlogBody.targets(request.getMethod(), path.pathWithinApplication(), this.endpointPath.get())) {
			chain.doFilter(request, response);
			return;
		}
		// The principal as Boot's endpoint support sees it.
		if (this.writesNeedPrincipal && request.getUserPrincipal() == null) {
			refuse(response, DynlogBody.NOT_AUTHENTICATED);
			return;
		}
		DynlogError query = DynlogBody.queryRefusal(request.getQueryString());
		if (query != null) {
			refuse(response, query);
			return;
		}
		if (!"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > DynlogBody.MAX_BYTES) {
			refuse(response, DynlogBody.TOO_LARGE);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(DynlogBody.MAX_BYTES + 1);
		if (body.length > DynlogBody.MAX_BYTES) {
			refuse(response, DynlogBody.TOO_LARGE);
			return;
		}
		DynlogBody.Checked checked = DynlogBody.check(body);
		if (checked.refusal() != null) {
			refuse(response, checked.refusal());
			return;
		}
		chain.doFilter(new Replayed(request, checked.body()), response);
	}

	private static void refuse(HttpServletResponse response, DynlogError error) throws IOException {
		byte[] json = DynlogBody.json(error);
		response.setStatus(error.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

	/** The request with the checked body in place of the one read. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private static final String CONTENT_LENGTH = "Content-Length";

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return CONTENT_LENGTH.equalsIgnoreCase(name) ? String.valueOf(this.body.length) : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return CONTENT_LENGTH.equalsIgnoreCase(name) ? Collections.enumeration(List.of(String.valueOf(this.body.length)))
					: super.getHeaders(name);
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the replayed dynlog body is read blocking");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
