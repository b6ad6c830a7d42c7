package io.github.dynamologging.request;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Decides a WebFlux request's id (SPEC 5) around the whole handling, error handlers included: echoes it
 * on the response, replaces the request's {@code X-Request-Id} with it (so everything downstream reads
 * one valid value), and writes it into the Reactor context, from where automatic context propagation
 * puts it into the MDC of whatever thread works on the request.
 */
public class RequestIdHttpHandlerDecorator implements HttpHandlerDecoratorFactory {

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			String id = RequestId.effective(request.getHeaders().get(RequestId.HEADER));
			ServerHttpRequest normalized = request.mutate().headers((headers) -> headers.set(RequestId.HEADER, id)).build();
			response.getHeaders().set(RequestId.HEADER, id);
			return handler.handle(normalized, response)
				.contextWrite((context) -> context.put(RequestIdThreadLocalAccessor.KEY, id));
		};
	}

}
