package io.github.dynamologging.request;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Decides a WebFlux request's id (SPEC 5), echoes it on the response and writes it into the Reactor
 * context, from where automatic context propagation puts it into the MDC of whatever thread handles
 * the request.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

	/** The exchange attribute holding the effective id. */
	public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = exchange.getAttribute(ATTRIBUTE);
		if (id == null) {
			id = RequestId.effective(exchange.getRequest().getHeaders().get(RequestId.HEADER));
			exchange.getAttributes().put(ATTRIBUTE, id);
		}
		exchange.getResponse().getHeaders().set(RequestId.HEADER, id);
		String effective = id;
		return chain.filter(exchange).contextWrite((context) -> context.put(RequestIdThreadLocalAccessor.KEY, effective));
	}

}
