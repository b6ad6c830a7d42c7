package io.github.dynamologging.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every web stack must do with {@code X-Request-Id}, run against a real server on a random port.
 * A subclass starts its stack with an app that answers {@code GET /log} by logging {@code handled} with
 * the key-value {@code header_seen} (the header as the app received it) and returning its MDC id,
 * {@code GET /boom} by failing with an {@code IllegalStateException}, and {@code GET /slow} by answering
 * 2 MB after {@link #SLOW_MILLIS}.
 */
abstract class RequestIdIntegrationTests {

	static final long SLOW_MILLIS = 300;

	static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	private static final Logger log = LoggerFactory.getLogger(RequestIdIntegrationTests.class);

	@LocalServerPort
	int port;

	@Autowired
	InMemorySpanExporter spans;

	@RegisterExtension
	final CapturedLines captured = new CapturedLines();

	private final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The line with this message logged for the request with this id, waiting for it. */
	JsonNode line(String message, String id) throws InterruptedException {
		return this.captured
			.await((line) -> message.equals(text(line, "message")) && id.equals(text(line, "x_request_id")));
	}

	@Test
	void keepsAValidIdEchoesItAndPutsItOnTheLinesWithTheTraceKeys() throws Exception {
		HttpResponse<String> response = get("/log", "X-Request-Id", "order-42.a:b");
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("order-42.a:b");
		assertThat(response.body()).isEqualTo("order-42.a:b");
		JsonNode line = line("handled", "order-42.a:b");
		assertThat(text(line, "trace_id")).matches("[0-9a-f]{32}");
		assertThat(text(line, "span_id")).matches("[0-9a-f]{16}");
		assertThat(text(line, "span_name")).isEqualTo("http-request");
		assertThat(line.has("parent_id")).isFalse();
	}

	@Test
	void generatesAnIdWhenAbsent() throws Exception {
		HttpResponse<String> response = get("/log");
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches(UUID_V4);
		assertThat(response.body()).isEqualTo(id);
		line("handled", id);
	}

	@Test
	void continuesAValidW3cTraceAndRejectsAnInvalidOne() throws Exception {
		get("/log", "X-Request-Id", "w3c-valid", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		JsonNode continued = line("handled", "w3c-valid");
		assertThat(text(continued, "trace_id")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(text(continued, "parent_id")).isEqualTo("b7ad6b7169203331");
		get("/log", "X-Request-Id", "w3c-upper", "traceparent", "00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01");
		JsonNode fresh = line("handled", "w3c-upper");
		assertThat(text(fresh, "trace_id")).isNotEqualToIgnoringCase("0af7651916cd43dd8448eb211c80319c");
		assertThat(fresh.has("parent_id")).isFalse();
	}

	/** The server span a line was logged in, once it has ended. */
	SpanData serverSpan(JsonNode line) {
		return Awaitility.await()
			.until(() -> this.spans.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getKind() == SpanKind.SERVER
						&& span.getSpanContext().getSpanId().equals(text(line, "span_id")))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	@Test
	void linesShowTheTraceStateTheTraceArrivedWithAndNoneWithout() throws Exception {
		get("/log", "X-Request-Id", "with-state", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
				"tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
		assertThat(text(line("handled", "with-state"), "tracestate")).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
		get("/log", "X-Request-Id", "without-state", "traceparent",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		assertThat(line("handled", "without-state").has("tracestate")).isFalse();
	}

	/** The one access line of the request with this id, waiting for it. */
	JsonNode accessLine(String id) throws InterruptedException {
		JsonNode line = this.captured.await(
				(candidate) -> "http response sent".equals(text(candidate, "message")) && id.equals(text(candidate, "x_request_id")));
		assertThat(this.captured.lines())
			.filteredOn((candidate) -> "http response sent".equals(text(candidate, "message"))
					&& id.equals(text(candidate, "x_request_id")))
			.as("access lines of %s", id)
			.hasSize(1);
		assertThat(text(line, "target")).isEqualTo("dynamo.logging.access");
		assertThat(line.get("status").isString()).as("status is a string").isTrue();
		assertThat(line.get("latency_ms").isIntegralNumber()).as("latency_ms is a number").isTrue();
		// The recorded call site, not a stack walk's (which would name the line of the logging call).
		assertThat(text(line, "file")).isEqualTo("io/github/dynamologging/request/AccessLog.java");
		assertThat(line.get("line").asInt()).isEqualTo(AccessLog.SITE[0].getLineNumber());
		return line;
	}

	@Test
	void oneAccessLinePerRequestWithTheRequestsFieldsAndSpan() throws Exception {
		get("/log?x=1", "X-Request-Id", "access-ok");
		JsonNode handled = line("handled", "access-ok");
		JsonNode access = accessLine("access-ok");
		assertThat(text(access, "level")).isEqualTo("INFO");
		assertThat(text(access, "status")).isEqualTo("200");
		assertThat(access.get("latency_ms").asLong()).isNotNegative();
		for (String key : List.of("request_id", "method", "uri", "version", "trace_id", "span_id", "span_name")) {
			assertThat(text(access, key)).as(key).isNotNull().isEqualTo(text(handled, key));
		}
	}

	@Test
	void theAccessLineTimesTheRequestFromItsStart() throws Exception {
		get("/slow", "X-Request-Id", "access-slow");
		assertThat(accessLine("access-slow").get("latency_ms").asLong()).isGreaterThanOrEqualTo(SLOW_MILLIS);
	}

	@Test
	void anExceptionGivesAnErrorAccessLineWithStatus500() throws Exception {
		assertThat(get("/boom", "X-Request-Id", "access-boom").statusCode()).isEqualTo(500);
		JsonNode access = accessLine("access-boom");
		assertThat(text(access, "level")).isEqualTo("ERROR");
		assertThat(text(access, "status")).isEqualTo("500");
		assertThat(text(access, "uri")).isEqualTo("/boom");
	}

	@Test
	void anUnknownPathGivesAnErrorAccessLineWithStatus404() throws Exception {
		assertThat(get("/no/such/path", "X-Request-Id", "access-404").statusCode()).isEqualTo(404);
		JsonNode access = accessLine("access-404");
		assertThat(text(access, "level")).isEqualTo("ERROR");
		assertThat(text(access, "status")).isEqualTo("404");
	}

	@Test
	void aClientThatGoesAwayGetsAnAccessLineWithStatus499() throws Exception {
		RawHttp.abort(this.port, "/slow", RawHttp.header("X-Request-Id", "access-abort".getBytes(StandardCharsets.US_ASCII)));
		JsonNode access = accessLine("access-abort");
		assertThat(text(access, "status")).isEqualTo("499");
		assertThat(text(access, "level")).isEqualTo("ERROR");
	}

	/**
	 * The client span of the call that reached the server span of {@code downstream} is exported as
	 * {@code client_request}, with Micrometer's name kept as an attribute.
	 */
	void assertClientSpanNamedLikeDynamos(JsonNode downstream) {
		SpanData client = Awaitility.await()
			.until(() -> this.spans.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getKind() == SpanKind.CLIENT
						&& span.getSpanContext().getSpanId().equals(text(downstream, "parent_id")))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(client.getName()).isEqualTo("client_request");
		assertThat(client.getAttributes().get(AttributeKey.stringKey("micrometer.span_name"))).startsWith("http get");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.dynamologging.request.W3cTraceContextCases#cases")
	void traceContextFollowsTheW3cRecommendation(W3cTraceContextCases.Case rule) throws Exception {
		String id = "w3c-" + Integer.toHexString(rule.rule().hashCode());
		List<byte[]> lines = new ArrayList<>(List.of(RawHttp.header("X-Request-Id", id.getBytes(StandardCharsets.US_ASCII))));
		lines.addAll(List.of(rule.headerLines()));
		assertThat(RawHttp.get(this.port, "/log", lines.toArray(byte[][]::new)).get(":status")).isEqualTo("200");
		JsonNode handled = line("handled", id);
		if (rule.continues()) {
			assertThat(text(handled, "trace_id")).isEqualTo(W3cTraceContextCases.TRACE_ID);
			assertThat(text(handled, "parent_id")).isEqualTo(W3cTraceContextCases.PARENT_ID);
		}
		else {
			assertThat(text(handled, "trace_id")).matches("[0-9a-f]{32}").isNotEqualTo(W3cTraceContextCases.TRACE_ID);
			assertThat(handled.has("parent_id")).isFalse();
		}
		assertThat(text(handled, "tracestate")).isEqualTo(rule.tracestate());
	}

	/** The path whose handler calls this server's {@code /log} through an instrumented client. */
	abstract String chainPath();

	@Test
	void outgoingCallsCarryTheTraceStateThatWasAcceptedCombined() throws Exception {
		RawHttp.get(this.port, chainPath(), RawHttp.header("X-Request-Id", "w3c-out".getBytes(StandardCharsets.US_ASCII)),
				RawHttp.header("traceparent", W3cTraceContextCases.TRACEPARENT.getBytes(StandardCharsets.US_ASCII)),
				RawHttp.header("tracestate", "foo=1 ,, ".getBytes(StandardCharsets.US_ASCII)),
				RawHttp.header("tracestate", "bar=2".getBytes(StandardCharsets.US_ASCII)));
		JsonNode downstream = line("handled", "w3c-out");
		assertThat(text(downstream, "trace_id")).isEqualTo(W3cTraceContextCases.TRACE_ID);
		assertThat(text(downstream, "parent_id")).isNotEqualTo(W3cTraceContextCases.PARENT_ID);
		assertThat(text(downstream, "tracestate")).isEqualTo("foo=1,bar=2");
	}

	@Test
	void outgoingCallsCarryNoTraceStateWhenItWasDropped() throws Exception {
		RawHttp.get(this.port, chainPath(), RawHttp.header("X-Request-Id", "w3c-out-dropped".getBytes(StandardCharsets.US_ASCII)),
				RawHttp.header("traceparent", W3cTraceContextCases.TRACEPARENT.getBytes(StandardCharsets.US_ASCII)),
				RawHttp.header("tracestate", "foo=1,Foo=2".getBytes(StandardCharsets.US_ASCII)));
		JsonNode downstream = line("handled", "w3c-out-dropped");
		assertThat(text(downstream, "trace_id")).isEqualTo(W3cTraceContextCases.TRACE_ID);
		assertThat(downstream.has("tracestate")).isFalse();
	}

	@Test
	void theServerSpanCarriesTheIdAsAnAttribute() throws Exception {
		get("/log", "X-Request-Id", "span-attribute");
		JsonNode handled = line("handled", "span-attribute");
		SpanData server = serverSpan(handled);
		assertThat(server.getAttributes().get(AttributeKey.stringKey("x_request_id"))).isEqualTo("span-attribute");
		assertThat(server.getName()).isEqualTo("http-request").isEqualTo(text(handled, "span_name"));
		assertThat(server.getAttributes().get(AttributeKey.stringKey("micrometer.span_name"))).isEqualTo("http get /log");
		assertThat(server.getTraceId()).isEqualTo(text(handled, "trace_id"));
	}

	@Test
	void concurrentRequestsNeverSeeEachOthersIds() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String id = "concurrent-" + i;
				results.add(pool.submit(() -> get("/log", "X-Request-Id", id).body()));
			}
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).isEqualTo("concurrent-" + i);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Thread.sleep(200);
		List<JsonNode> requestLines = this.captured.lines().stream().filter((line) -> line.has("header_seen")).toList();
		assertThat(requestLines).hasSizeGreaterThanOrEqualTo(200)
			.allSatisfy((line) -> assertThat(text(line, "x_request_id")).isEqualTo(text(line, "header_seen")));
	}

	@Test
	void dynamosRequestIdInAnyCaseIsOnTheLinesAndTheServerSpan() throws Exception {
		get("/log", "X-Request-Id", "rid-upper", "REQUEST-ID", "8372EAC7-5F43-4D76-BECA-0A94CFB311D0");
		JsonNode handled = line("handled", "rid-upper");
		assertThat(text(handled, "request_id")).isEqualTo("8372eac7-5f43-4d76-beca-0a94cfb311d0");
		SpanData server = serverSpan(handled);
		assertThat(server.getAttributes().get(AttributeKey.stringKey("request_id")))
			.isEqualTo("8372eac7-5f43-4d76-beca-0a94cfb311d0");
	}

	@Test
	void aMissingRequestIdIsGeneratedAndDiffersFromTheXRequestId() throws Exception {
		get("/log", "X-Request-Id", "rid-generated");
		JsonNode handled = line("handled", "rid-generated");
		assertThat(text(handled, "request_id")).matches(UUID_V4);
	}

	/**
	 * The only test of this class that sends deprecated or bad {@code request-id} headers: the once-a-minute
	 * WARNs are the context's, so the first such request here draws them and the flood after it nothing.
	 */
	@Test
	void theDeprecatedHeaderIsReadAndAFloodOfBadOnesWritesOneWarningEach() throws Exception {
		String deprecatedId = "0d1e8ad2-6a4f-4c55-9a43-5ec2e5b8b0d1";
		get("/log", "X-Request-Id", "rid-deprecated", "x-dynamo-request-id", deprecatedId);
		assertThat(text(line("handled", "rid-deprecated"), "request_id")).isEqualTo(deprecatedId);
		get("/log", "X-Request-Id", "rid-both", "request-id", "6b0c3b6e-0d7e-4f0c-8d6e-64a8d1f0a5c2",
				"x-dynamo-request-id", deprecatedId);
		assertThat(text(line("handled", "rid-both"), "request_id")).isEqualTo("6b0c3b6e-0d7e-4f0c-8d6e-64a8d1f0a5c2");
		for (int i = 0; i < 100; i++) {
			get("/log", "X-Request-Id", "rid-bad-" + i, "request-id", "not-a-uuid-" + i);
			get("/log", "X-Request-Id", "rid-old-" + i, "x-dynamo-request-id", deprecatedId);
		}
		Map<String, byte[][]> twice = Map.of("twice", new byte[][] {
				RawHttp.header("X-Request-Id", "rid-twice".getBytes(StandardCharsets.US_ASCII)),
				RawHttp.header("request-id", deprecatedId.getBytes(StandardCharsets.US_ASCII)),
				RawHttp.header("Request-Id", deprecatedId.getBytes(StandardCharsets.US_ASCII)) });
		assertThat(RawHttp.get(this.port, "/log", twice.get("twice")).get(":status")).isEqualTo("200");
		assertThat(text(line("handled", "rid-twice"), "request_id")).matches(UUID_V4).isNotEqualTo(deprecatedId);
		JsonNode lastBad = line("handled", "rid-bad-99");
		assertThat(text(lastBad, "request_id")).matches(UUID_V4);
		line("handled", "rid-old-99");
		List<JsonNode> warnings = this.captured.lines()
			.stream()
			.filter((line) -> "io.github.dynamologging.request.DynamoRequestId".equals(text(line, "target")))
			.toList();
		assertThat(warnings).allSatisfy((line) -> assertThat(text(line, "level")).isEqualTo("WARN"));
		assertThat(warnings).filteredOn((line) -> "x-dynamo-request-id".equals(text(line, "header")))
			.singleElement()
			.satisfies((line) -> assertThat(text(line, "message")).contains("deprecated"));
		assertThat(warnings).filteredOn((line) -> "request-id".equals(text(line, "header")))
			.singleElement()
			.satisfies((line) -> assertThat(text(line, "message")).contains("must be one UUID"));
	}

	@Test
	void everyLineOfARequestCarriesItsMethodUriAndVersion() throws Exception {
		get("/log?name=a%20b&x=1", "X-Request-Id", "http-fields");
		JsonNode handled = line("handled", "http-fields");
		assertThat(text(handled, "method")).isEqualTo("GET");
		assertThat(text(handled, "uri")).isEqualTo("/log?name=a%20b&x=1");
		assertThat(text(handled, "version")).isEqualTo("HTTP/1.1");
	}

	@Test
	void anyIdOfVisibleAsciiAndSpaceUpTo1024CharactersIsKeptVerbatim() throws Exception {
		Map<String, String> cases = new java.util.LinkedHashMap<>();
		cases.put("at sign", "user@example.com");
		cases.put("braces and quotes", "{\"id\":42}");
		cases.put("space inside", "order 42");
		cases.put("every punctuation mark", "!#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
		cases.put("129 characters", "a".repeat(129));
		cases.put("1024 characters", "b".repeat(1024));
		for (Map.Entry<String, String> id : cases.entrySet()) {
			Map<String, String> response = RawHttp.get(this.port, "/log",
					RawHttp.header("X-Request-Id", id.getValue().getBytes(StandardCharsets.US_ASCII)));
			assertThat(response.get(":status")).as(id.getKey()).isEqualTo("200");
			assertThat(response.get("x-request-id")).as(id.getKey()).isEqualTo(id.getValue());
			line("handled", id.getValue());
		}
	}

	@Test
	void hostileHeadersAreReplacedNeverRejected() throws Exception {
		Map<String, byte[][]> cases = Map.of("1025 characters",
				new byte[][] { RawHttp.header("X-Request-Id", "a".repeat(1025).getBytes(StandardCharsets.US_ASCII)) },
				"tab inside", new byte[][] { RawHttp.header("X-Request-Id", new byte[] { 'a', '\t', 'b' }) },
				"non-ASCII", new byte[][] { RawHttp.header("X-Request-Id", "ünï".getBytes(StandardCharsets.UTF_8)) },
				"repeated", new byte[][] { RawHttp.header("X-Request-Id", "one".getBytes(StandardCharsets.US_ASCII)),
						RawHttp.header("x-request-id", "two".getBytes(StandardCharsets.US_ASCII)) },
				"empty", new byte[][] { RawHttp.header("X-Request-Id", new byte[0]) });
		for (Map.Entry<String, byte[][]> hostile : cases.entrySet()) {
			Map<String, String> response = RawHttp.get(this.port, "/log", hostile.getValue());
			log.info("{}: X-Request-Id case {}: status {}, echoed {}", getClass().getSimpleName(), hostile.getKey(),
					response.get(":status"), response.get("x-request-id"));
			assertThat(response.get(":status")).as(hostile.getKey()).isEqualTo("200");
			assertThat(response.get("x-request-id")).as(hostile.getKey()).matches(UUID_V4);
			line("handled", response.get("x-request-id"));
		}
		// The server's own HTTP parser answers 400 to a control character in a header value (RFC 9110
		// forbids it) before the application sees the request.
		Map<String, String> control = RawHttp.get(this.port, "/log",
				RawHttp.header("X-Request-Id", new byte[] { 'a', 0x01, 'b' }));
		log.info("{}: X-Request-Id case control character: status {}, echoed {}", getClass().getSimpleName(),
				control.get(":status"), control.get("x-request-id"));
		assertThat(control.get(":status")).isEqualTo("400");
		Map<String, String> mixedCase = RawHttp.get(this.port, "/log",
				RawHttp.header("x-REQUEST-id", "Mixed-Case".getBytes(StandardCharsets.US_ASCII)));
		assertThat(mixedCase.get("x-request-id")).isEqualTo("Mixed-Case");
	}

	/** Spans as they end, to read back their attributes. */
	@Configuration(proxyBeanMethods = false)
	static class SpanCapture {

		@Bean
		InMemorySpanExporter spans() {
			return InMemorySpanExporter.create();
		}

		@Bean
		SpanProcessor exportEverySpanAtOnce(InMemorySpanExporter spans) {
			return SimpleSpanProcessor.create(spans);
		}

	}

}
