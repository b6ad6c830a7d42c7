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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * The HTTP benchmark's collector ({@code scripts/http-benchmark}): accepts OTLP/HTTP protobuf on
 * {@code POST /v1/traces} (uncompressed, the exporter's default) on a random loopback port, decodes every
 * request with the official protobuf classes, counts the spans and answers success, as a collector does. {@code GET /spans} returns the count, so the
 * script can check that spans really arrived.
 * <p>
 * Usage: {@code java -cp benchmarks.jar io.github.dynamologging.benchmarks.OtlpSpanSink PORT_FILE}; the port is
 * written to {@code PORT_FILE} once the server listens. Runs until killed.
 */
public final class OtlpSpanSink {

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

	/** Counts the spans of one export request; an empty 200 is a full success in OTLP/HTTP. */
	private void export(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			this.spans.addAndGet(request.getResourceSpansList()
				.stream()
				.flatMap((resourceSpans) -> resourceSpans.getScopeSpansList().stream())
				.mapToLong(ScopeSpans::getSpansCount)
				.sum());
			this.requests.incrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
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
