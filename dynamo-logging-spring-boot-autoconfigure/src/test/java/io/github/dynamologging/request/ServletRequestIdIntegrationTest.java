package io.github.dynamologging.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/** X-Request-Id and trace keys on a real Tomcat, called by a real HTTP client. */
@SpringBootTest(classes = ServletRequestIdIntegrationTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class ServletRequestIdIntegrationTest {

	static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	private static final Logger log = LoggerFactory.getLogger(ServletRequestIdIntegrationTest.class);

	@LocalServerPort
	int port;

	private CapturedLines captured;

	private final HttpClient http = HttpClient.newHttpClient();

	/** After the context has started: Boot's logging initialisation resets Logback's appenders. */
	@BeforeEach
	void startCapturing() {
		this.captured = new CapturedLines();
	}

	@AfterEach
	void stopCapturing() {
		this.captured.close();
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode handledLine(String id) throws InterruptedException {
		return this.captured.await((line) -> "handled".equals(text(line, "message")) && id.equals(text(line, "x_request_id")));
	}

	@Test
	void keepsAValidIdEchoesItAndPutsItOnTheLinesWithTheTraceKeys() throws Exception {
		HttpResponse<String> response = get("/log", "X-Request-Id", "order-42.a:b");
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("order-42.a:b");
		assertThat(response.body()).isEqualTo("order-42.a:b");
		JsonNode line = handledLine("order-42.a:b");
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
		handledLine(id);
	}

	@Test
	void continuesAValidW3cTraceAndRejectsAnInvalidOne() throws Exception {
		get("/log", "X-Request-Id", "w3c-valid", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		JsonNode continued = handledLine("w3c-valid");
		assertThat(text(continued, "trace_id")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(text(continued, "parent_id")).isEqualTo("b7ad6b7169203331");
		get("/log", "X-Request-Id", "w3c-upper", "traceparent", "00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01");
		JsonNode fresh = handledLine("w3c-upper");
		assertThat(text(fresh, "trace_id")).isNotEqualToIgnoringCase("0af7651916cd43dd8448eb211c80319c");
		assertThat(fresh.has("parent_id")).isFalse();
	}

	@Test
	void asyncDispatchKeepsTheIdAndTheTrace() throws Exception {
		HttpResponse<String> response = get("/async", "X-Request-Id", "async-1");
		assertThat(response.body()).isEqualTo("async-1");
		JsonNode before = this.captured.await((line) -> "before async".equals(text(line, "message")));
		JsonNode inside = this.captured.await((line) -> "in async".equals(text(line, "message")));
		assertThat(text(before, "x_request_id")).isEqualTo("async-1");
		assertThat(text(inside, "x_request_id")).isEqualTo("async-1");
		assertThat(text(inside, "thread.name")).isNotEqualTo(text(before, "thread.name"));
		assertThat(text(inside, "trace_id")).isEqualTo(text(before, "trace_id"));
	}

	@Test
	void errorDispatchKeepsTheId() throws Exception {
		HttpResponse<String> response = get("/boom", "X-Request-Id", "error-1");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("error-1");
		JsonNode errorLine = this.captured.await((line) -> "error dispatch".equals(text(line, "message")));
		assertThat(text(errorLine, "x_request_id")).isEqualTo("error-1");
	}

	@Test
	void outgoingCallsCarryTheIdAndTheTraceThroughEveryClient() throws Exception {
		for (String client : List.of("restclient", "resttemplate", "webclient")) {
			String id = "chain-" + client;
			HttpResponse<String> response = get("/chain/" + client, "X-Request-Id", id);
			assertThat(response.body()).as(client).isEqualTo(id);
			JsonNode upstream = this.captured.await((line) -> ("calling " + client).equals(text(line, "message")));
			JsonNode downstream = handledLine(id);
			assertThat(text(downstream, "trace_id")).as(client).isEqualTo(text(upstream, "trace_id"));
			assertThat(text(downstream, "parent_id")).as(client).isNotNull().isNotEqualTo(text(upstream, "span_id"));
			assertThat(text(downstream, "span_id")).as(client).isNotEqualTo(text(upstream, "span_id"));
		}
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
		List<JsonNode> handled = this.captured.withMessage("handled");
		assertThat(handled).hasSizeGreaterThanOrEqualTo(200)
			.allSatisfy((line) -> assertThat(text(line, "x_request_id")).isEqualTo(text(line, "header_seen")));
	}

	@Test
	void hostileHeadersAreReplacedNeverRejected() throws Exception {
		Map<String, byte[][]> cases = Map.of("129 characters",
				new byte[][] { RawHttp.header("X-Request-Id", "a".repeat(129).getBytes(StandardCharsets.US_ASCII)) },
				"tab inside", new byte[][] { RawHttp.header("X-Request-Id", new byte[] { 'a', '\t', 'b' }) },
				"non-ASCII", new byte[][] { RawHttp.header("X-Request-Id", "ünï".getBytes(StandardCharsets.UTF_8)) },
				"repeated", new byte[][] { RawHttp.header("X-Request-Id", "one".getBytes(StandardCharsets.US_ASCII)),
						RawHttp.header("x-request-id", "two".getBytes(StandardCharsets.US_ASCII)) },
				"empty", new byte[][] { RawHttp.header("X-Request-Id", new byte[0]) });
		for (Map.Entry<String, byte[][]> hostile : cases.entrySet()) {
			Map<String, String> response = RawHttp.get(this.port, "/log", hostile.getValue());
			log.info("X-Request-Id case {}: status {}, echoed {}", hostile.getKey(), response.get(":status"),
					response.get("x-request-id"));
			assertThat(response.get(":status")).as(hostile.getKey()).isEqualTo("200");
			assertThat(response.get("x-request-id")).as(hostile.getKey()).matches(UUID_V4);
			handledLine(response.get("x-request-id"));
		}
		// Tomcat's own HTTP parser answers 400 to a control character in a header value (RFC 9110 forbids
		// it) before any filter runs: the application never sees such a request.
		Map<String, String> control = RawHttp.get(this.port, "/log",
				RawHttp.header("X-Request-Id", new byte[] { 'a', 0x01, 'b' }));
		log.info("X-Request-Id case control character: status {}, echoed {}", control.get(":status"),
				control.get("x-request-id"));
		assertThat(control.get(":status")).isEqualTo("400");
		Map<String, String> mixedCase = RawHttp.get(this.port, "/log",
				RawHttp.header("x-REQUEST-id", "Mixed-Case".getBytes(StandardCharsets.US_ASCII)));
		assertThat(mixedCase.get("x-request-id")).isEqualTo("Mixed-Case");
	}

	@Test
	void theServerSpanCarriesTheIdAsAnAttribute(@Autowired InMemorySpanExporter spans) throws Exception {
		get("/log", "X-Request-Id", "span-attribute");
		JsonNode handled = handledLine("span-attribute");
		SpanData server = Awaitility.await()
			.until(() -> spans.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getKind() == SpanKind.SERVER
						&& span.getSpanContext().getSpanId().equals(text(handled, "span_id")))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(server.getAttributes().get(AttributeKey.stringKey("x_request_id"))).isEqualTo("span-attribute");
		assertThat(server.getTraceId()).isEqualTo(text(handled, "trace_id"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class App {

		/** Spans as they end, to read back their attributes (static: no cycle through the builders above). */
		@Bean
		static InMemorySpanExporter spans() {
			return InMemorySpanExporter.create();
		}

		@Bean
		static SpanProcessor exportEverySpanAtOnce(InMemorySpanExporter spans) {
			return SimpleSpanProcessor.create(spans);
		}

		private final RestClient restClient;

		private final org.springframework.web.client.RestTemplate restTemplate;

		private final WebClient webClient;

		App(RestClient.Builder restClient, RestTemplateBuilder restTemplate, WebClient.Builder webClient) {
			this.restClient = restClient.build();
			this.restTemplate = restTemplate.build();
			this.webClient = webClient.build();
		}

		@GetMapping("/log")
		String handled(@RequestHeader(name = "X-Request-Id", required = false) List<String> header) {
			log.atInfo().addKeyValue("header_seen", (header != null && header.size() == 1) ? header.get(0) : "")
				.log("handled");
			return MDC.get(RequestId.MDC_KEY);
		}

		@GetMapping("/async")
		Callable<String> async() {
			log.info("before async");
			return () -> {
				log.info("in async");
				return MDC.get(RequestId.MDC_KEY);
			};
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

		@GetMapping("/chain/{client}")
		String chain(@PathVariable String client, HttpServletRequest request) {
			log.info("calling " + client);
			String url = "http://127.0.0.1:" + request.getLocalPort() + "/log";
			return switch (client) {
				case "restclient" -> this.restClient.get().uri(url).retrieve().body(String.class);
				case "resttemplate" -> this.restTemplate.getForObject(url, String.class);
				default -> this.webClient.get().uri(url).retrieve().bodyToMono(String.class).block();
			};
		}

		/** A line logged on the error dispatch. */
		@Bean
		FilterRegistrationBean<Filter> errorDispatchLogger() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				log.info("error dispatch");
				chain.doFilter(request, response);
			});
			registration.setDispatcherTypes(DispatcherType.ERROR);
			return registration;
		}

	}

}
