package io.github.dynamologging.request;

import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends the id of the request being handled as {@code X-Request-Id} on outgoing WebClient calls, unless
 * the caller set one. The id comes from the Reactor context (WebFlux) or else the MDC (a WebClient used
 * from a Servlet request).
 */
class RequestIdExchangeFilter implements ExchangeFilterFunction {

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (request.headers().containsHeader(RequestId.HEADER)) {
			return next.exchange(request);
		}
		String fromMdc = MDC.get(RequestId.MDC_KEY);
		return Mono.deferContextual((context) -> {
			String id = context.getOrDefault(RequestIdThreadLocalAccessor.KEY, fromMdc);
			if (id == null) {
				return next.exchange(request);
			}
			return next.exchange(ClientRequest.from(request).header(RequestId.HEADER, id).build());
		});
	}

}
