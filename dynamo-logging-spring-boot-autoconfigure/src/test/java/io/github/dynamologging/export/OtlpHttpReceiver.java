package io.github.dynamologging.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/**
 * OTLP over http/protobuf: decodes each {@code POST /v1/traces} body as the official
 * {@link ExportTraceServiceRequest} and each {@code POST /v1/logs} body as {@link ExportLogsServiceRequest}, and
 * answers as a collector does.
 */
final class OtlpHttpReceiver implements OtlpReceiver {

	private static final String TRACES = "/v1/traces";

	private static final String LOGS = "/v1/logs";

	private static final String PROTOBUF = "application/x-protobuf";

	private final HttpServer server;

	private final ReceivedSpans spans = new ReceivedSpans();

	private final ReceivedLogs logs = new ReceivedLogs();

	private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();

	OtlpHttpReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext(TRACES, (exchange) -> export(exchange, (body) -> {
			this.spans.add(ExportTraceServiceRequest.parseFrom(body));
			return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
		}));
		this.server.createContext(LOGS, (exchange) -> export(exchange, (body) -> {
			this.logs.add(ExportLogsServiceRequest.parseFrom(body));
			return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
		}));
		this.server.start();
	}

	@Override
	public String protocol() {
		return "http/protobuf";
	}

	@Override
	public String endpoint() {
		return baseEndpoint() + TRACES;
	}

	@Override
	public String logsEndpoint() {
		return baseEndpoint() + LOGS;
	}

	@Override
	public String baseEndpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public ReceivedSpans spans() {
		return this.spans;
	}

	@Override
	public ReceivedLogs logs() {
		return this.logs;
	}

	@Override
	public List<Map<String, String>> requestHeaders() {
		return this.requestHeaders;
	}

	private void export(HttpExchange exchange, Decoder decoder) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())
					|| !PROTOBUF.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
				// A collector refuses what it cannot decode; the test then sees nothing.
				exchange.sendResponseHeaders(415, -1);
				return;
			}
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			this.requestHeaders.add(headers);
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			byte[] response = decoder.decode(body);
			exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
			exchange.sendResponseHeaders(200, (response.length > 0) ? response.length : -1);
			exchange.getResponseBody().write(response);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** Decodes a request body and returns the response's. */
	private interface Decoder {

		byte[] decode(InputStream body) throws IOException;

	}

}
