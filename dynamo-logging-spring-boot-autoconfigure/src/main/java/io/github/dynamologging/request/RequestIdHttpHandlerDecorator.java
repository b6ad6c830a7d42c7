package io.github.dynamologging.request;

import java.util.List;

import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;

/**
 * Decides a WebFlux request's {@link RequestFields} (docs/requests-and-traces.md) around the whole
 * handling, error handlers included: echoes {@code X-Request-Id} on the response, replaces the request's
 * {@code X-Request-Id} and {@code request-id} with the effective ids (so everything downstream reads one
 * valid value of each), and writes the fields into the Reactor context, from where automatic context
 * propagation puts them into the MDC of whatever thread works on the request.
 */
public class RequestIdHttpHandlerDecorator implements HttpHandlerDecoratorFactory {

	private static final boolean REACTOR_NETTY = ClassUtils.isPresent("reactor.netty.http.server.HttpServerRequest",
			RequestIdHttpHandlerDecorator.class.getClassLoader());

	private final RequestIdentity identity;

	public RequestIdHttpHandlerDecorator() {
		this(RequestIdentity.defaults());
	}

	public RequestIdHttpHandlerDecorator(RequestIdentity identity) {
		this.identity = identity;
	}

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			RequestFields fields = decide(request);
			ServerHttpRequest normalized = request.mutate().headers((headers) -> {
				headers.set(RequestId.HEADER, fields.xRequestId());
				headers.set(DynamoRequestId.HEADER, fields.requestId());
			}).build();
			response.getHeaders().set(RequestId.HEADER, fields.xRequestId());
			return handler.handle(normalized, response)
				.contextWrite((context) -> context.put(RequestIdThreadLocalAccessor.KEY, fields));
		};
	}

	private RequestFields decide(ServerHttpRequest request) {
		String target;
		String version = null;
		if (REACTOR_NETTY && ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty) {
			// Netty's request target is the text as received; Spring's URI is rebuilt from it.
			target = netty.uri();
			version = netty.version().text();
		}
		else {
			String query = request.getURI().getRawQuery();
			target = request.getURI().getRawPath() + ((query != null) ? "?" + query : "");
		}
		return this.identity.decide((name) -> {
			List<String> values = request.getHeaders().get(name);
			return (values != null) ? values : List.of();
		}, request.getMethod().name(), target, version);
	}

}
