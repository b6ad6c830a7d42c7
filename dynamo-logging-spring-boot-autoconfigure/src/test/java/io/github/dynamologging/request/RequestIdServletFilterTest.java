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
		assertThat(request.getAttribute(RequestIdServletFilter.ATTRIBUTE)).isInstanceOf(RequestFields.class)
			.extracting("xRequestId")
			.isEqualTo("abc");
		assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys("x_request_id", "request_id", "method", "uri", "version");
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
		assertThat(MDC.get("request_id")).isNotNull();
		new RequestIdCleanupListener().requestDestroyed(new ServletRequestEvent(new MockServletContext(), request));
		assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys("x_request_id", "request_id", "method", "uri", "version");
	}

	@Test
	void aNestedUseRestoresTheOuterFields() throws Exception {
		RequestFields outer = new RequestFields("outer", "0d1e8ad2-6a4f-4c55-9a43-5ec2e5b8b0d1", "POST", "/outer", "HTTP/1.1");
		outer.putInMdc();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/inner"), new MockHttpServletResponse(),
				new MockFilterChain());
		assertThat(RequestFields.fromMdc()).isEqualTo(outer);
	}

	@Test
	void thePropertiesCanDropTheHttpFieldsOrOnlyTheQueryString() throws Exception {
		RequestLoggingProperties properties = new RequestLoggingProperties();
		properties.setQueryString(false);
		assertThat(fieldsSeenBy(new RequestIdServletFilter(properties.identity(RequestIdGenerator.randomUuid()), ServerSpanFields.NONE))).extracting(RequestFields::method,
				RequestFields::uri, RequestFields::version)
			.containsExactly("GET", "/orders/7", "HTTP/1.1");
		properties.setHttpFields(false);
		assertThat(fieldsSeenBy(new RequestIdServletFilter(properties.identity(RequestIdGenerator.randomUuid()), ServerSpanFields.NONE))).extracting(RequestFields::method,
				RequestFields::uri, RequestFields::version)
			.containsOnlyNulls();
		assertThat(fieldsSeenBy(this.filter).uri()).isEqualTo("/orders/7?token=secret");
	}

	private static RequestFields fieldsSeenBy(RequestIdServletFilter filter) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/7");
		request.setQueryString("token=secret");
		request.setProtocol("HTTP/1.1");
		RequestFields[] seen = new RequestFields[1];
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
				seen[0] = RequestFields.fromMdc();
			}
		}));
		return seen[0];
	}

}
