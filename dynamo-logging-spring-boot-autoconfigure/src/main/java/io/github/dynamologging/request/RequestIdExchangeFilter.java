package io.github.dynamologging.request;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends the ids of the request being handled as {@code X-Request-Id} and {@code request-id} on outgoing
 * WebClient calls, each unless the caller set it. The ids come from the Reactor context (WebFlux) or else
 * the MDC (a WebClient used from a Servlet request).
 */
class RequestIdExchangeFilter implements ExchangeFilterFunction {

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		RequestFields fromMdc = RequestFields.fromMdc();
		return Mono.deferContextual((context) -> {
			RequestFields fields = context.getOrDefault(RequestIdThreadLocalAccessor.KEY, fromMdc);
			if (fields == null) {
				return next.exchange(request);
			}
			return next.exchange(
					ClientRequest.from(request).headers((headers) -> OutgoingRequestIds.add(fields, headers)).build());
		});
	}

}
