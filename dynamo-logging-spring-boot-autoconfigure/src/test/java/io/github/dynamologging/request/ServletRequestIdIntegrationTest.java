package io.github.dynamologging.request;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/** X-Request-Id and trace keys on a real Tomcat; the shared cases are in the superclass. */
@SpringBootTest(classes = ServletRequestIdIntegrationTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class ServletRequestIdIntegrationTest extends RequestIdIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(ServletRequestIdIntegrationTest.class);

	@Test
	void asyncDispatchKeepsTheIdAndTheTrace() throws Exception {
		HttpResponse<String> response = get("/async", "X-Request-Id", "async-1");
		assertThat(response.body()).isEqualTo("async-1");
		JsonNode before = line("before async", "async-1");
		JsonNode inside = line("in async", "async-1");
		assertThat(text(inside, "thread.name")).isNotEqualTo(text(before, "thread.name"));
		assertThat(text(inside, "trace_id")).isEqualTo(text(before, "trace_id"));
		assertThat(text(inside, "request_id")).matches(UUID_V4).isEqualTo(text(before, "request_id"));
		assertThat(text(inside, "uri")).isEqualTo("/async");
		assertThat(text(accessLine("async-1"), "status")).isEqualTo("200");
	}

	@Test
	void errorDispatchKeepsTheId() throws Exception {
		HttpResponse<String> response = get("/boom", "X-Request-Id", "error-1");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("error-1");
		JsonNode errorDispatch = line("error dispatch", "error-1");
		assertThat(text(errorDispatch, "uri")).as("the uri as received, not the error page's").isEqualTo("/boom");
		JsonNode containerLine = this.captured.await((line) -> "ERROR".equals(text(line, "level"))
				&& text(line, "message").startsWith("Servlet.service() for servlet [dispatcherServlet]")
				&& "error-1".equals(text(line, "x_request_id")));
		assertThat(text(containerLine, "exception.message")).contains("boom");
		// The server span has ended when Tomcat logs the exception; its trace keys are put back for that line.
		JsonNode access = accessLine("error-1");
		assertThat(text(containerLine, "trace_id")).isNotNull().isEqualTo(text(access, "trace_id"));
		assertThat(text(containerLine, "span_id")).isNotNull().isEqualTo(text(access, "span_id"));
	}

	@Test
	void outgoingCallsCarryTheIdAndTheTraceThroughEveryClient() throws Exception {
		for (String client : List.of("restclient", "resttemplate", "webclient")) {
			String id = "chain-" + client;
			HttpResponse<String> response = get("/chain/" + client, "X-Request-Id", id);
			assertThat(response.body()).as(client).isEqualTo(id);
			JsonNode upstream = line("calling " + client, id);
			JsonNode downstream = line("handled", id);
			assertThat(text(downstream, "trace_id")).as(client).isEqualTo(text(upstream, "trace_id"));
			assertThat(text(downstream, "request_id")).as(client).isEqualTo(text(upstream, "request_id"));
			assertThat(text(downstream, "parent_id")).as(client).isNotNull().isNotEqualTo(text(upstream, "span_id"));
			assertThat(text(downstream, "span_id")).as(client).isNotEqualTo(text(upstream, "span_id"));
			assertClientSpanNamedLikeDynamos(downstream);
		}
	}

	@Override
	String chainPath() {
		return "/chain/restclient";
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SpanCapture.class)
	@RestController
	static class App {

		private final RestClient restClient;

		private final RestTemplate restTemplate;

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

		@GetMapping("/slow")
		String slow() throws InterruptedException {
			Thread.sleep(SLOW_MILLIS);
			return "x".repeat(2_000_000);
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
		static FilterRegistrationBean<Filter> errorDispatchLogger() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				log.info("error dispatch");
				chain.doFilter(request, response);
			});
			registration.setDispatcherTypes(DispatcherType.ERROR);
			return registration;
		}

	}

}
