package io.github.dynamologging.rules;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/** Passes the current request's rule on to the services it calls through RestClient and RestTemplate. */
class RuleBaggageClientInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		RuleBaggageHeader.addCurrent(request.getHeaders());
		return execution.execute(request, body);
	}

}
