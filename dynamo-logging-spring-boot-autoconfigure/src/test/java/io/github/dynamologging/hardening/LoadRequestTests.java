package io.github.dynamologging.hardening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 clients × 250 concurrent requests, each with its own {@code X-Request-Id}, against a real server:
 * each request logs {@link HardeningApps#LOAD_MESSAGES} (the last after a thread hop) with the id it
 * sent; every line must carry the id of its own request, and every request's three lines must be there.
 */
abstract class LoadRequestTests extends RunningStackTests {

	private static final int CLIENTS = 8;

	private static final int REQUESTS_PER_CLIENT = 250;

	@Test
	void everyLineOfConcurrentRequestsCarriesItsOwnRequestsId() throws Exception {
		String prefix = "load-" + stack() + "-";
		long start = System.nanoTime();
		int wrongAnswers = sendConcurrently(prefix);
		long sentNanos = System.nanoTime() - start;
		int requests = CLIENTS * REQUESTS_PER_CLIENT;
		int expectedLines = requests * HardeningApps.LOAD_MESSAGES.size();
		List<JsonNode> loadLines = awaitLoadLines(prefix, expectedLines);
		Map<String, Map<String, Integer>> messagesById = new HashMap<>();
		int foreign = 0;
		for (JsonNode line : loadLines) {
			String id = text(line, "x_request_id");
			if (!text(line, "sent_id").equals(id)) {
				foreign++;
			}
			messagesById.computeIfAbsent(id, (key) -> new HashMap<>()).merge(text(line, "message"), 1, Integer::sum);
		}
		long incomplete = messagesById.values()
			.stream()
			.filter((messages) -> !messages.keySet().equals(Set.copyOf(HardeningApps.LOAD_MESSAGES))
					|| messages.values().stream().anyMatch((count) -> count != 1))
			.count();
		System.out.printf("[hardening] load %s: %d clients x %d requests = %d requests in %,d ms (%,.0f requests/s), "
				+ "%d wrong answers; %,d lines (expected %,d), %d with another request's id, %d requests seen, "
				+ "%d with a missing or repeated line%n",
				stack(), CLIENTS, REQUESTS_PER_CLIENT, requests, sentNanos / 1_000_000, requests / (sentNanos / 1e9),
				wrongAnswers, loadLines.size(), expectedLines, foreign, messagesById.size(), incomplete);
		assertThat(wrongAnswers).as("answers whose body or X-Request-Id is not the id sent").isZero();
		assertThat(foreign).as("lines with another request's id").isZero();
		assertThat(messagesById).hasSize(requests);
		assertThat(incomplete).as("requests without exactly one of each line").isZero();
		assertThat(loadLines).hasSize(expectedLines);
	}

	/** Returns how many answers did not echo their own id, in the body and the header. */
	private int sendConcurrently(String prefix) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				results.add(clients.submit(() -> {
					go.await();
					int wrong = 0;
					for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
						String id = prefix + client + "-" + r;
						HttpResponse<String> response = http.send(HttpRequest
							.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/load"))
							.header("X-Request-Id", id)
							.build(), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 200 || !id.equals(response.body())
								|| !response.headers().firstValue("X-Request-Id").orElse("").equals(id)) {
							wrong++;
						}
					}
					return wrong;
				}));
			}
			go.countDown();
			int wrong = 0;
			for (Future<Integer> result : results) {
				wrong += result.get();
			}
			return wrong;
		}
		finally {
			clients.shutdownNow();
		}
	}

	/** The load lines, once all expected have arrived or after 20 s (then the counts show what is missing). */
	private List<JsonNode> awaitLoadLines(String prefix, int expected) throws InterruptedException {
		List<JsonNode> lines = List.of();
		for (int i = 0; i < 80; i++) {
			lines = this.captured.lines()
				.stream()
				.filter((line) -> HardeningApps.LOAD_MESSAGES.contains(text(line, "message"))
						&& String.valueOf(text(line, "sent_id")).startsWith(prefix))
				.toList();
			if (lines.size() >= expected) {
				return lines;
			}
			Thread.sleep(250);
		}
		return lines;
	}

}
