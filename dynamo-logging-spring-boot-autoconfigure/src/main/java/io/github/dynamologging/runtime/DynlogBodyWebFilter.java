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
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives a write of the {@code dynlog} endpoint to Boot's actuator on WebFlux as it arrived: its raw query
 * string and body become the request's only query parameters, which Boot passes to the operation as its
 * arguments ({@link DynlogBody#arguments}), and no body is left for Boot to read. The operation checks them.
 * Ordered last, after Spring Security's {@code WebFilterChainProxy}.
 */
class DynlogBodyWebFilter implements WebFilter, Ordered {

	/** How much of a body is read at most, the rest dropped: Tomcat's default for a request it refuses. */
	private static final int DRAIN_BYTES = 2 * 1024 * 1024;

	private final Supplier<@Nullable String> endpointPath;

	/** @param endpointPath the endpoint's path within the application, {@code null} when it is not mapped */
	DynlogBodyWebFilter(Supplier<@Nullable String> endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!DynlogBody.targets(request.getMethod().name(), request.getPath().pathWithinApplication(),
				this.endpointPath.get())) {
			return chain.filter(exchange);
		}
		// Read to its end whatever the answer (a refused DELETE's body too): a body left unread would stay in a
		// kept-alive connection, and a client still sending it would find the connection closed under its
		// upload instead of reading the answer. One declared larger than DRAIN_BYTES only as far as it takes to
		// refuse it.
		long limit = (request.getHeaders().getContentLength() > DRAIN_BYTES) ? DynlogBody.MAX_BYTES + 1 : DRAIN_BYTES;
		return DataBufferUtils.takeUntilByteCount(request.getBody(), limit)
			.collect(ByteArrayOutputStream::new, DynlogBodyWebFilter::keep)
			.flatMap((body) -> chain.filter(exchange.mutate().request(carried(request, body)).build()));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Keeps the body's first {@link DynlogBody#MAX_BYTES} + 1 bytes, enough to refuse it; releases the buffer. */
	private static void keep(ByteArrayOutputStream body, DataBuffer buffer) {
		try {
			byte[] chunk = new byte[(int) Math.max(0, Math.min(buffer.readableByteCount(),
					DynlogBody.MAX_BYTES + 1L - body.size()))];
			buffer.read(chunk);
			body.writeBytes(chunk);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static ServerHttpRequest carried(ServerHttpRequest request, ByteArrayOutputStream body) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		DynlogBody.arguments(request.getURI().getRawQuery(),
				(request.getMethod() == HttpMethod.POST) ? body.toByteArray() : null)
			.forEach(parameters::add);
		MultiValueMap<String, String> arguments = CollectionUtils.unmodifiableMultiValueMap(parameters);
		return new ServerHttpRequestDecorator(request) {

			@Override
			public MultiValueMap<String, String> getQueryParams() {
				return arguments;
			}

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.empty();
			}

		};
	}

}
