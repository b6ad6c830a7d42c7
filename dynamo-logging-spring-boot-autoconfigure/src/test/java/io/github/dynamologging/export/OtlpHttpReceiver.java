package io.github.dynamologging.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A real OTLP/HTTP trace receiver on a random local port: decodes each {@code POST /v1/traces} body as the
 * official {@link ExportTraceServiceRequest} and answers as a collector does.
 */
final class OtlpHttpReceiver implements AutoCloseable {

	static final String PATH = "/v1/traces";

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private final List<String> contentTypes = new CopyOnWriteArrayList<>();

	OtlpHttpReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext(PATH, this::export);
		this.server.start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + PATH;
	}

	private void export(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			this.contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
				for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
					for (Span span : scopeSpans.getSpansList()) {
						this.spans.add(new ReceivedSpan(resourceSpans.getResource(), span));
					}
				}
			}
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (response.length > 0) ? response.length : -1);
			exchange.getResponseBody().write(response);
		}
	}

	List<String> contentTypes() {
		return this.contentTypes;
	}

	/** Waits for a span the exporter sends on its own schedule. */
	ReceivedSpan await(Predicate<ReceivedSpan> condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (ReceivedSpan span : this.spans) {
				if (condition.test(span)) {
					return span;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no such span among " + this.spans);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record ReceivedSpan(Resource resource, Span span) {

		String traceId() {
			return HexFormat.of().formatHex(this.span.getTraceId().toByteArray());
		}

		String spanId() {
			return HexFormat.of().formatHex(this.span.getSpanId().toByteArray());
		}

		String resourceAttribute(String key) {
			return this.resource.getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals(key))
				.map((attribute) -> attribute.getValue().getStringValue())
				.findFirst()
				.orElse(null);
		}

		String attribute(String key) {
			return this.span.getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals(key))
				.map((attribute) -> attribute.getValue().getStringValue())
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.span.getName() + " " + traceId() + "/" + spanId();
		}

	}

}
