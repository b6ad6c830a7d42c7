package io.github.dynamologging.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * The HTTP benchmark's collector ({@code scripts/http-benchmark}): accepts OTLP/HTTP protobuf on
 * {@code POST /v1/traces} on a random loopback port, decodes every request with the official protobuf classes,
 * counts the spans and answers success, as a collector does. {@code GET /spans} returns the count, so the
 * script can check that spans really arrived.
 * <p>
 * Usage: {@code java -cp benchmarks.jar io.github.dynamologging.benchmarks.OtlpSpanSink PORT_FILE}; the port is
 * written to {@code PORT_FILE} once the server listens. Runs until killed.
 */
public final class OtlpSpanSink {

	private static final String PROTOBUF = "application/x-protobuf";

	private final AtomicLong spans = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: OtlpSpanSink PORT_FILE (the file the listening port is written to)");
			System.exit(2);
		}
		OtlpSpanSink sink = new OtlpSpanSink();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/v1/traces", sink::export);
		server.createContext("/spans", sink::count);
		server.setExecutor(Executors.newFixedThreadPool(2));
		server.start();
		Path portFile = Path.of(args[0]);
		Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
				Integer.toString(server.getAddress().getPort()));
		Files.move(written, portFile);
	}

	private void export(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())
					|| !PROTOBUF.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
				exchange.sendResponseHeaders(415, -1);
				return;
			}
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			long count = 0;
			for (ResourceSpans resourceSpans : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
				for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
					count += scopeSpans.getSpansCount();
				}
			}
			this.spans.addAndGet(count);
			this.requests.incrementAndGet();
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
			exchange.sendResponseHeaders(200, (response.length > 0) ? response.length : -1);
			exchange.getResponseBody().write(response);
		}
	}

	private void count(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = (this.spans.get() + " spans in " + this.requests.get() + " requests\n")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

}
