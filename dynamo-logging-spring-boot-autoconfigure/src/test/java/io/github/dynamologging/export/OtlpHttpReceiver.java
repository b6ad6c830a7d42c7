package io.github.dynamologging.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/**
 * OTLP over http/protobuf: decodes each {@code POST /v1/traces} body as the official
 * {@link ExportTraceServiceRequest} and answers as a collector does.
 */
final class OtlpHttpReceiver implements OtlpReceiver {

	private static final String PATH = "/v1/traces";

	private static final String PROTOBUF = "application/x-protobuf";

	private final HttpServer server;

	private final ReceivedSpans spans = new ReceivedSpans();

	OtlpHttpReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext(PATH, this::export);
		this.server.start();
	}

	@Override
	public String protocol() {
		return "http/protobuf";
	}

	@Override
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + PATH;
	}

	@Override
	public ReceivedSpans spans() {
		return this.spans;
	}

	private void export(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())
					|| !PROTOBUF.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
				// A collector refuses what it cannot decode; the test then sees no span.
				exchange.sendResponseHeaders(415, -1);
				return;
			}
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			this.spans.add(ExportTraceServiceRequest.parseFrom(body));
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
			exchange.sendResponseHeaders(200, (response.length > 0) ? response.length : -1);
			exchange.getResponseBody().write(response);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
