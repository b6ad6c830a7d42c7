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
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * The HTTP benchmark's collector ({@code scripts/http-benchmark}): accepts OTLP/HTTP protobuf on
 * {@code POST /v1/traces} and {@code POST /v1/logs} (uncompressed, the exporters' default) on a random loopback
 * port, decodes every request with the official protobuf classes, counts the spans and log records and answers
 * success, as a collector does. {@code GET /spans} and {@code GET /logs} return the counts, so the script can
 * check that both signals really arrived.
 * <p>
 * Usage: {@code java -cp benchmarks.jar io.github.dynamologging.benchmarks.OtlpSpanSink PORT_FILE}; the port is
 * written to {@code PORT_FILE} once the server listens. Runs until killed.
 */
public final class OtlpSpanSink {

	private final AtomicLong spans = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong logRecords = new AtomicLong();

	private final AtomicLong logRequests = new AtomicLong();

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: OtlpSpanSink PORT_FILE (the file the listening port is written to)");
			System.exit(2);
		}
		OtlpSpanSink sink = new OtlpSpanSink();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/v1/traces", sink::export);
		server.createContext("/v1/logs", sink::exportLogs);
		server.createContext("/spans", sink::count);
		server.createContext("/logs", sink::countLogs);
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

	/** Counts the log records of one export request. */
	private void exportLogs(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
			this.logRecords.addAndGet(request.getResourceLogsList()
				.stream()
				.flatMap((resourceLogs) -> resourceLogs.getScopeLogsList().stream())
				.mapToLong(ScopeLogs::getLogRecordsCount)
				.sum());
			this.logRequests.incrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
		}
	}

	private void count(HttpExchange exchange) throws IOException {
		answer(exchange, this.spans.get() + " spans in " + this.requests.get() + " requests\n");
	}

	private void countLogs(HttpExchange exchange) throws IOException {
		answer(exchange, this.logRecords.get() + " log records in " + this.logRequests.get() + " requests\n");
	}

	private static void answer(HttpExchange exchange, String text) throws IOException {
		try (exchange) {
			byte[] body = text.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

}
