package io.github.dynamologging.sample;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.dynamologging.capture.CapturedLogLines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Trace context and request id across hops, on Servlet and on WebFlux, from the app's own lines. */
class SampleAppTracingIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

	private static String text(JsonNode line, String key) {
		JsonNode value = line.get(key);
		return (value != null) ? value.asString() : null;
	}

	/** The app's stderr, every line checked by the project's validator, the last one ended by its \n. */
	private static List<JsonNode> parse(byte[] stderr) {
		return CapturedLogLines.parse(stderr).assertAllValid().asList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void chainKeepsOneTraceAndOneRequestIdAcrossBothHops(String webType) throws Exception {
		byte[] stderr;
		try (SampleAppProcess app = SampleAppProcess
			.start(Map.of("DYN_LOGGING_JSONL", "1", "DYN_LOGGING_SPAN_EVENTS", "1"),
					"--spring.main.web-application-type=" + webType)
			.awaitStarted()) {
			assertThat(app.get("/chain", "traceparent", TRACEPARENT, "X-Request-Id", "chain-" + webType).body())
				.isEqualTo("hello chain");
			app.awaitStderr((line) -> line.contains("\"hello chain\""), Duration.ofSeconds(10));
			app.stop();
			stderr = app.stderrBytes();
		}
		List<JsonNode> requestLines = parse(stderr).stream()
			.filter((line) -> ("chain-" + webType).equals(text(line, "x_request_id")))
			.toList();
		assertThat(requestLines).isNotEmpty()
			.allSatisfy((line) -> assertThat(text(line, "trace_id")).isEqualTo(TRACE_ID));
		JsonNode hello = requestLines.stream()
			.filter((line) -> "hello chain".equals(text(line, "message")))
			.findFirst()
			.orElseThrow();
		// The downstream server span's parent is the upstream client span, which has its own lines.
		String clientSpanId = text(hello, "parent_id");
		assertThat(clientSpanId).isNotEqualTo("b7ad6b7169203331");
		assertThat(requestLines).anySatisfy((line) -> {
			assertThat(text(line, "message")).isEqualTo("SPAN_FIRST_ENTRY");
			assertThat(text(line, "span_id")).isEqualTo(clientSpanId);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void testEndpointPostsTheArgumentsWithTheTraceContext(String webType) throws Exception {
		CompletableFuture<Map<String, String>> received = new CompletableFuture<>();
		HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		peer.createContext("/", (exchange) -> {
			received.complete(Map.of("traceparent", String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")),
					"x-request-id", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")), "body",
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		peer.start();
		try (SampleAppProcess app = SampleAppProcess.start(Map.of("DYN_LOGGING_JSONL", "1"),
				"--spring.main.web-application-type=" + webType)
			.awaitStarted()) {
			String url = "http://127.0.0.1:" + peer.getAddress().getPort() + "/next";
			int status = app.postJson("/test", "[{\"url\":\"" + url + "\",\"arguments\":[{\"url\":\"x\",\"arguments\":[]}]}]",
					"traceparent", TRACEPARENT, "X-Request-Id", "w3c-" + webType)
				.statusCode();
			assertThat(status).isEqualTo(200);
			Map<String, String> request = received.get(30, TimeUnit.SECONDS);
			assertThat(request.get("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
				.isNotEqualTo(TRACEPARENT);
			assertThat(request.get("x-request-id")).isEqualTo("w3c-" + webType);
			assertThat(JSON.readTree(request.get("body"))).isEqualTo(JSON.readTree("[{\"url\":\"x\",\"arguments\":[]}]"));
			app.stop();
		}
		finally {
			peer.stop(0);
		}
	}

}
