package io.github.dynamologging.runtime;

import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@link DynlogBody}'s check on WebFlux: a write of the {@code dynlog} endpoint with a query string or a bad
 * {@code POST} body is answered here with a {@link DynlogError}; a good one goes on, replayed as the known
 * fields only. Ordered last, so
 * after Spring Security's {@code WebFilterChainProxy}: an unauthenticated request is refused before its
 * body is looked at.
 */
class DynlogBodyWebFilter implements WebFilter, Ordered {

	/** How much of a body over the limit is read and dropped before answering 413: Tomcat's default. */
	private static final int DRAIN_BYTES = 2 * 1024 * 1024;

	private final Supplier<@Nullable String> endpointPath;

	private final boolean writesNeedPrincipal;

	/**
	 * @param endpointPath the endpoint's path within the application, {@code null} when it takes no writes
	 * @param writesNeedPrincipal whether a write without an authenticated user is refused (Spring Security)
	 */
	DynlogBodyWebFilter(Supplier<@Nullable String> endpointPath, boolean writesNeedPrincipal) {
		this.endpointPath = endpointPath;
		this.writesNeedPrincipal = writesNeedPrincipal;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!DynlogBody.targets(request.getMethod().name(), request.getPath().pathWithinApplication(),
				this.endpointPath.get())) {
			return chain.filter(exchange);
		}
		if (!this.writesNeedPrincipal) {
			return check(exchange, chain);
		}
		// The principal as Boot's endpoint support sees it.
		return exchange.getPrincipal()
			.map((principal) -> true)
			.defaultIfEmpty(false)
			.flatMap((authenticated) -> authenticated ? check(exchange, chain)
					: refuse(exchange.getResponse(), DynlogBody.NOT_AUTHENTICATED));
	}

	private Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		DynlogError query = DynlogBody.queryRefusal(request.getURI().getRawQuery());
		if (request.getMethod() != HttpMethod.POST) {
			if (query == null) {
				return chain.filter(exchange);
			}
			// Read (and drop) the request to its end first, as for a POST: a request left unread keeps the
			// kept-alive connection from taking the next one.
			return request.getBody()
				.doOnNext(DataBufferUtils::release)
				.then(Mono.defer(() -> refuse(exchange.getResponse(), query)));
		}
		if (request.getHeaders().getContentLength() > DRAIN_BYTES) {
			return refuse(exchange.getResponse(), DynlogBody.TOO_LARGE);
		}
		// A body over the limit is still read to its end (and dropped), up to DRAIN_BYTES as Tomcat does:
		// a client still sending it would otherwise find the connection closed under its upload instead of
		// reading the 413.
		return DataBufferUtils.takeUntilByteCount(request.getBody(), DRAIN_BYTES)
			.collect(Received::new, Received::add)
			.map((received) -> {
				if (query != null) {
					// Refused only once read: a body left unread would stay in a kept-alive connection.
					return new DynlogBody.Checked(null, query);
				}
				return received.tooLarge() ? new DynlogBody.Checked(null, DynlogBody.TOO_LARGE)
						: DynlogBody.check(received.bytes.toByteArray());
			})
			.flatMap((checked) -> (checked.refusal() != null) ? refuse(exchange.getResponse(), checked.refusal())
					: chain.filter(exchange.mutate().request(replayed(exchange, checked.body())).build()));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** The body as it arrives: its first {@link DynlogBody#MAX_BYTES} + 1 bytes kept, every buffer released. */
	private static final class Received {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private long total;

		void add(DataBuffer buffer) {
			try {
				int readable = buffer.readableByteCount();
				int keep = (int) Math.max(0, Math.min(readable, DynlogBody.MAX_BYTES + 1L - this.bytes.size()));
				byte[] chunk = new byte[keep];
				buffer.read(chunk);
				this.bytes.write(chunk, 0, keep);
				this.total += readable;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		boolean tooLarge() {
			return this.total > DynlogBody.MAX_BYTES;
		}

	}

	private static ServerHttpRequest replayed(ServerWebExchange exchange, byte[] body) {
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.setContentLength(body.length))
			.build();
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				// No buffer at all for no body, as the server would send: Boot then passes no arguments.
				return (body.length == 0) ? Flux.empty()
						: Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

	private static Mono<Void> refuse(ServerHttpResponse response, DynlogError error) {
		byte[] json = DynlogBody.json(error);
		response.setStatusCode(HttpStatusCode.valueOf(error.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(json.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
	}

}
