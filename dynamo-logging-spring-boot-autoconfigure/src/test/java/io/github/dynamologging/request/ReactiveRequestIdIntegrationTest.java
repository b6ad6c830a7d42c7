package io.github.dynamologging.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/** X-Request-Id and trace keys on a real Reactor Netty server, called by a real HTTP client. */
@SpringBootTest(classes = ReactiveRequestIdIntegrationTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactiveRequestIdIntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(ReactiveRequestIdIntegrationTest.class);

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

	private JsonNode line(String message, String id) throws InterruptedException {
		return this.captured.await((line) -> message.equals(text(line, "message")) && id.equals(text(line, "x_request_id")));
	}

	@Test
	void keepsAValidIdAcrossThreadsAndPutsTheTraceKeysOnEveryLine() throws Exception {
		HttpResponse<String> response = get("/log", "X-Request-Id", "reactive-1");
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("reactive-1");
		assertThat(response.body()).isEqualTo("reactive-1");
		JsonNode handled = line("handled", "reactive-1");
		JsonNode later = line("after a thread hop", "reactive-1");
		assertThat(text(later, "thread.name")).isNotEqualTo(text(handled, "thread.name"));
		assertThat(text(handled, "span_name")).isEqualTo("http-request");
		assertThat(text(later, "trace_id")).isEqualTo(text(handled, "trace_id")).matches("[0-9a-f]{32}");
	}

	@Test
	void generatesAnIdWhenAbsent() throws Exception {
		String id = get("/log").headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches(ServletRequestIdIntegrationTest.UUID_V4);
		line("handled", id);
	}

	@Test
	void continuesAValidW3cTrace() throws Exception {
		get("/log", "X-Request-Id", "reactive-w3c", "traceparent",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		JsonNode handled = line("handled", "reactive-w3c");
		assertThat(text(handled, "trace_id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(text(handled, "parent_id")).isEqualTo("00f067aa0ba902b7");
	}

	@Test
	void webClientCarriesTheIdAndTheTrace() throws Exception {
		assertThat(get("/chain", "X-Request-Id", "reactive-chain").body()).isEqualTo("reactive-chain");
		JsonNode upstream = line("calling", "reactive-chain");
		JsonNode downstream = line("handled", "reactive-chain");
		assertThat(text(downstream, "trace_id")).isEqualTo(text(upstream, "trace_id"));
		assertThat(text(downstream, "parent_id")).isNotNull().isNotEqualTo(text(upstream, "span_id"));
	}

	@Test
	void errorPathLinesCarryTheId() throws Exception {
		HttpResponse<String> response = get("/boom", "X-Request-Id", "reactive-error");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("reactive-error");
		JsonNode error = this.captured.await((line) -> "ERROR".equals(text(line, "level"))
				&& "java.lang.IllegalStateException".equals(text(line, "exception.type")));
		assertThat(text(error, "x_request_id")).isEqualTo("reactive-error");
	}

	@Test
	void concurrentRequestsNeverSeeEachOthersIds() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String id = "reactive-concurrent-" + i;
				results.add(pool.submit(() -> get("/log", "X-Request-Id", id).body()));
			}
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).isEqualTo("reactive-concurrent-" + i);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Thread.sleep(200);
		List<JsonNode> lines = new ArrayList<>(this.captured.withMessage("handled"));
		lines.addAll(this.captured.withMessage("after a thread hop"));
		assertThat(lines).hasSizeGreaterThanOrEqualTo(400)
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
			log.info("X-Request-Id case {} (WebFlux): status {}, echoed {}", hostile.getKey(), response.get(":status"),
					response.get("x-request-id"));
			assertThat(response.get(":status")).as(hostile.getKey()).isEqualTo("200");
			assertThat(response.get("x-request-id")).as(hostile.getKey()).matches(ServletRequestIdIntegrationTest.UUID_V4);
			line("handled", response.get("x-request-id"));
		}
		// Reactor Netty's HTTP parser answers 400 to a control character in a header value before the
		// application sees the request.
		Map<String, String> control = RawHttp.get(this.port, "/log",
				RawHttp.header("X-Request-Id", new byte[] { 'a', 0x01, 'b' }));
		log.info("X-Request-Id case control character (WebFlux): status {}, echoed {}", control.get(":status"),
				control.get("x-request-id"));
		assertThat(control.get(":status")).isEqualTo("400");
	}

	@Test
	void theServerSpanCarriesTheIdAsAnAttribute(@Autowired InMemorySpanExporter spans) throws Exception {
		get("/log", "X-Request-Id", "span-attribute");
		JsonNode handled = line("handled", "span-attribute");
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

		private final WebClient webClient;

		App(WebClient.Builder webClient) {
			this.webClient = webClient.build();
		}

		@GetMapping("/log")
		Mono<String> handled(@RequestHeader(name = "X-Request-Id", required = false) List<String> header) {
			String seen = (header != null && header.size() == 1) ? header.get(0) : "";
			log.atInfo().addKeyValue("header_seen", seen).log("handled");
			return Mono.delay(Duration.ofMillis(1))
				.publishOn(Schedulers.boundedElastic())
				.map((tick) -> {
					log.atInfo().addKeyValue("header_seen", seen).log("after a thread hop");
					return MDC.get(RequestId.MDC_KEY);
				});
		}

		@GetMapping("/boom")
		Mono<String> boom() {
			return Mono.error(new IllegalStateException("boom"));
		}

		@GetMapping("/chain")
		Mono<String> chain(ServerHttpRequest request) {
			log.info("calling");
			return this.webClient.get()
				.uri("http://127.0.0.1:" + request.getLocalAddress().getPort() + "/log")
				.retrieve()
				.bodyToMono(String.class);
		}

	}

}
