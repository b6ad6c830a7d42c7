package io.github.dynamologging.request;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/** X-Request-Id and trace keys on a real Reactor Netty; the shared cases are in the superclass. */
@SpringBootTest(classes = ReactiveRequestIdIntegrationTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactiveRequestIdIntegrationTest extends RequestIdIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(ReactiveRequestIdIntegrationTest.class);

	@Test
	void theIdAndTheTraceFollowTheRequestAcrossThreads() throws Exception {
		assertThat(get("/log", "X-Request-Id", "reactive-1").body()).isEqualTo("reactive-1");
		JsonNode handled = line("handled", "reactive-1");
		JsonNode later = line("after a thread hop", "reactive-1");
		assertThat(text(later, "thread.name")).isNotEqualTo(text(handled, "thread.name"));
		assertThat(text(later, "trace_id")).isEqualTo(text(handled, "trace_id"));
		assertThat(text(later, "request_id")).matches(UUID_V4).isEqualTo(text(handled, "request_id"));
		assertThat(text(later, "uri")).isEqualTo("/log");
		assertThat(text(accessLine("reactive-1"), "status")).isEqualTo("200");
	}

	@Test
	void webClientCarriesTheIdAndTheTrace() throws Exception {
		assertThat(get("/chain", "X-Request-Id", "reactive-chain").body()).isEqualTo("reactive-chain");
		JsonNode upstream = line("calling", "reactive-chain");
		JsonNode downstream = line("handled", "reactive-chain");
		assertThat(text(downstream, "trace_id")).isEqualTo(text(upstream, "trace_id"));
		assertThat(text(downstream, "request_id")).isEqualTo(text(upstream, "request_id"));
		assertThat(text(downstream, "parent_id")).isNotNull().isNotEqualTo(text(upstream, "span_id"));
		assertClientSpanNamedLikeDynamos(downstream);
	}

	@Test
	void errorPathLinesCarryTheId() throws Exception {
		HttpResponse<String> response = get("/boom", "X-Request-Id", "reactive-error");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("reactive-error");
		JsonNode error = this.captured.await((line) -> "ERROR".equals(text(line, "level"))
				&& "java.lang.IllegalStateException".equals(text(line, "exception.type")));
		assertThat(text(error, "x_request_id")).isEqualTo("reactive-error");
		assertThat(text(error, "request_id")).matches(UUID_V4);
		assertThat(text(error, "uri")).isEqualTo("/boom");
	}

	@Override
	String chainPath() {
		return "/chain";
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SpanCapture.class)
	@RestController
	static class App {

		private final WebClient webClient;

		App(WebClient.Builder webClient) {
			this.webClient = webClient.build();
		}

		@GetMapping("/log")
		Mono<String> handled(@RequestHeader(name = "X-Request-Id", required = false) List<String> header) {
			String seen = (header != null && header.size() == 1) ? header.get(0) : "";
			log.atInfo().addKeyValue("header_seen", seen).log("handled");
			return Mono.delay(Duration.ofMillis(1)).publishOn(Schedulers.boundedElastic()).map((tick) -> {
				log.atInfo().addKeyValue("header_seen", seen).log("after a thread hop");
				return MDC.get(RequestId.MDC_KEY);
			});
		}

		@GetMapping("/slow")
		Mono<String> slow() {
			return Mono.delay(Duration.ofMillis(SLOW_MILLIS)).map((tick) -> "x".repeat(2_000_000));
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
