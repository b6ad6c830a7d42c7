package io.github.dynamologging.request;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the ids of the request being handled as {@code X-Request-Id} and {@code request-id} on outgoing
 * RestClient and RestTemplate calls, each unless the caller set it.
 */
class RequestIdClientInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		RequestFields fields = RequestFields.fromMdc();
		if (fields != null) {
			OutgoingRequestIds.add(fields, request.getHeaders());
		}
		return execution.execute(request, body);
	}

}
