package io.github.dynamologging.rules;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Passes the current request's rule on to the services it calls through WebClient: from the Reactor
 * context of the call, else from the calling thread (a blocking call from a Servlet request).
 */
class RuleBaggageExchangeFilter implements ExchangeFilterFunction {

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.deferContextual((context) -> {
			Object decision = context.getOrDefault(RuleDecisionThreadLocalAccessor.KEY, CurrentRule.get());
			if (!(decision instanceof RuleDecision current) || current.baggageEntry() == null) {
				return next.exchange(request);
			}
			return next.exchange(ClientRequest.from(request)
				.headers((headers) -> RuleBaggageHeader.add(headers, current))
				.build());
		});
	}

}
