package io.github.dynamologging.request;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a pooled thread is left with after a request: nothing of it. */
class RequestIdServletFilterTest {

	private final RequestIdServletFilter filter = new RequestIdServletFilter();

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void theIdIsInTheMdcDuringTheRequestOnlyAndStaysOnTheRequest() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Request-Id", "abc");
		MockHttpServletResponse response = new MockHttpServletResponse();
		String[] seen = new String[1];
		this.filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
				seen[0] = MDC.get(RequestId.MDC_KEY);
			}
		}));
		assertThat(seen[0]).isEqualTo("abc");
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("abc");
		assertThat(request.getAttribute(RequestIdServletFilter.ATTRIBUTE)).isEqualTo("abc");
		assertThat(MDC.get(RequestId.MDC_KEY)).isNull();
	}

	@Test
	void aFailingRequestKeepsTheIdForTheContainersLineThenLeavesNothingBehind() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Request-Id", "failing");
		MockFilterChain failing = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
					throws ServletException {
				throw new ServletException("boom");
			}
		});
		assertThatExceptionOfType(ServletException.class)
			.isThrownBy(() -> this.filter.doFilter(request, new MockHttpServletResponse(), failing));
		assertThat(MDC.get(RequestId.MDC_KEY)).isEqualTo("failing");
		new RequestIdCleanupListener().requestDestroyed(new ServletRequestEvent(new MockServletContext(), request));
		assertThat(MDC.get(RequestId.MDC_KEY)).isNull();
	}

	@Test
	void aNestedUseRestoresTheOuterId() throws Exception {
		MDC.put(RequestId.MDC_KEY, "outer");
		this.filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), new MockFilterChain());
		assertThat(MDC.get(RequestId.MDC_KEY)).isEqualTo("outer");
	}

}
