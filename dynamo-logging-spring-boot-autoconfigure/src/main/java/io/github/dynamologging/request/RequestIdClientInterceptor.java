package io.github.dynamologging.request;

import java.io.IOException;

import org.slf4j.MDC;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the id of the request being handled as {@code X-Request-Id} on outgoing RestClient and
 * RestTemplate calls, unless the caller set one.
 */
class RequestIdClientInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String id = MDC.get(RequestId.MDC_KEY);
		if (id != null && !request.getHeaders().containsHeader(RequestId.HEADER)) {
			request.getHeaders().set(RequestId.HEADER, id);
		}
		return execution.execute(request, body);
	}

}
