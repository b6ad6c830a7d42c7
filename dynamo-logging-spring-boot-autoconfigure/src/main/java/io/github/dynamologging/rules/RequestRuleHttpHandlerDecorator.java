package io.github.dynamologging.rules;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

/**
 * Decides whether a rule raises a WebFlux request, around the whole handling (error handlers included),
 * and writes the decision into the Reactor context, from where automatic context propagation makes it
 * current on whatever thread works on the request.
 */
class RequestRuleHttpHandlerDecorator implements HttpHandlerDecoratorFactory {

	private final RequestRules rules;

	RequestRuleHttpHandlerDecorator(RequestRules rules) {
		this.rules = rules;
	}

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			RuleDecision decision = this.rules.idle() ? null
					: this.rules.decide((name) -> {
						List<String> values = request.getHeaders().get(name);
						return (values != null) ? values : List.of();
					}, () -> request.getPath().pathWithinApplication());
			if (decision == null) {
				return handler.handle(request, response);
			}
			// Current while the chain is assembled too: some handlers log before they subscribe.
			RuleDecision previous = CurrentRule.enter(decision);
			Mono<Void> handled;
			try {
				handled = handler.handle(request, response);
			}
			finally {
				CurrentRule.restore(previous);
			}
			return handled.contextWrite((context) -> context.put(RuleDecisionThreadLocalAccessor.KEY, decision));
		};
	}

}
