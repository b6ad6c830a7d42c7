package io.github.dynamologging.request;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.HttpStatus;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
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

	private final AccessLog accessLog;

	public RequestIdHttpHandlerDecorator() {
		this(RequestIdentity.defaults(), null);
	}

	/** @param accessLog writes the access lines; {@code null} when they are off */
	RequestIdHttpHandlerDecorator(RequestIdentity identity, AccessLog accessLog) {
		this.identity = identity;
		this.accessLog = accessLog;
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
			Mono<Void> handled = handler.handle(normalized, response);
			if (this.accessLog != null) {
				handled = withAccessLine(handled, fields, response);
			}
			return handled.contextWrite((context) -> context.put(RequestIdThreadLocalAccessor.KEY, fields));
		};
	}

	/**
	 * Writes the access line when the handling ends: the handler's Mono completes once the response is
	 * sent, and is cancelled when the client goes away first.
	 */
	private Mono<Void> withAccessLine(Mono<Void> handled, RequestFields fields, ServerHttpResponse response) {
		long start = System.nanoTime();
		ServerObservationCapture.Holder observation = new ServerObservationCapture.Holder();
		return handled.doFinally((signal) -> {
			ServerRequestObservationContext context = observation.get();
			int status;
			if (signal == SignalType.CANCEL || (context != null && context.isConnectionAborted())) {
				status = AccessLog.CLIENT_CLOSED_REQUEST;
			}
			else if (signal == SignalType.ON_ERROR && response.getStatusCode() == null) {
				status = HttpStatus.INTERNAL_SERVER_ERROR.value();
			}
			else {
				status = (response.getStatusCode() != null) ? response.getStatusCode().value() : HttpStatus.OK.value();
			}
			this.accessLog.write(fields, status, start, context);
		}).contextWrite((context) -> context.put(ServerObservationCapture.KEY, observation));
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
