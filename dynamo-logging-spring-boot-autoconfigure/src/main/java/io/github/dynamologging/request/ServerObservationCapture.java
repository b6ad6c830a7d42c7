package io.github.dynamologging.request;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Hands a WebFlux request's server observation (created inside Spring's HTTP handler, where the handler
 * decorator cannot see it) out to the decorator, through a holder the decorator puts in the Reactor
 * context; the access line reads its span's trace keys and whether the connection was aborted.
 */
class ServerObservationCapture implements WebFilter, Ordered {

	/** The key of the {@link Holder} in the Reactor context. */
	static final String KEY = ServerObservationCapture.class.getName();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((context) -> {
			if (context.getOrDefault(KEY, null) instanceof Holder holder) {
				ServerRequestObservationContext.findCurrent(exchange.getAttributes()).ifPresent(holder::set);
			}
			return chain.filter(exchange);
		});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/** Where the observation is left for the decorator. */
	static final class Holder extends AtomicReference<ServerRequestObservationContext> {

	}

}
