package io.github.dynamologging.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link RequestIdGenerator} bean of the application's own makes the ids of requests that arrive without one,
 * on a real server on a random port: the response's {@code X-Request-Id} and the parsed JSONL line carry its ids.
 * A subclass starts its stack with {@link Generator} and an app that answers {@code GET /log} by logging
 * {@code handled}.
 */
abstract class RequestIdGeneratorIntegrationTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	final CapturedLines captured = new CapturedLines();

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/log"));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aRequestWithoutIdsGetsTheGeneratorsIdsInTheResponseAndOnItsLines() throws Exception {
		HttpResponse<String> response = get();
		String id = response.headers().firstValue(RequestId.HEADER).orElseThrow();
		assertThat(id).matches("orders-\\d+");
		JsonNode line = this.captured
			.await((candidate) -> "handled".equals(text(candidate, "message")) && id.equals(text(candidate, "x_request_id")));
		assertThat(text(line, "request_id")).startsWith(Generator.REQUEST_ID_PREFIX);
		assertThat(UUID.fromString(text(line, "request_id")).version()).isEqualTo(7);
	}

	@Test
	void idsTheRequestBringsAreStillKept() throws Exception {
		String requestId = "0d1e8ad2-6a4f-4c55-9a43-5ec2e5b8b0d1";
		HttpResponse<String> response = get(RequestId.HEADER, "from-the-caller", DynamoRequestId.HEADER, requestId);
		assertThat(response.headers().firstValue(RequestId.HEADER)).hasValue("from-the-caller");
		JsonNode line = this.captured.await((candidate) -> "handled".equals(text(candidate, "message"))
				&& "from-the-caller".equals(text(candidate, "x_request_id")));
		assertThat(text(line, "request_id")).isEqualTo(requestId);
	}

	/** Numbered X-Request-Ids and version-7 request-ids, as an application might make them. */
	@Configuration(proxyBeanMethods = false)
	static class Generator {

		/** The first 48 bits (a fixed time) and the version of every request-id it makes. */
		static final String REQUEST_ID_PREFIX = "01890a5d-ac96-7";

		@Bean
		RequestIdGenerator ordersRequestIds() {
			AtomicLong next = new AtomicLong();
			return new RequestIdGenerator() {
				@Override
				public String generateXRequestId() {
					return "orders-" + next.incrementAndGet();
				}

				@Override
				public UUID generateRequestId() {
					// Version 7, variant 2, a counter in the random bits.
					return new UUID(0x01890a5dac967000L, 0x8000000000000000L | next.incrementAndGet());
				}
			};
		}

	}

}
