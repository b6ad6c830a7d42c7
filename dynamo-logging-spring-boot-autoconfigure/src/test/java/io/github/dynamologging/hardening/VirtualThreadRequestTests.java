package io.github.dynamologging.hardening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.dynamologging.testing.VirtualThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.test.annotation.DirtiesContext;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@value #REQUESTS} requests, {@value #CONCURRENCY} at a time, each with its own {@code X-Request-Id} and W3C
 * trace, against a real server running its requests on virtual threads ({@link VirtualThreadApps}); meanwhile
 * work started outside any request logs on virtual threads of the same executor. Every line of a request must
 * carry that request's ids and trace, before and after its virtual thread parked and on the executor's thread;
 * every line outside the requests must carry none.
 */
// Closes the server after the class: an idle server's threads would blur what VirtualThreadBuffersIT measures.
@DirtiesContext
abstract class VirtualThreadRequestTests extends RunningStackTests {

	static final int REQUESTS = 200;

	static final int CONCURRENCY = 32;

	private static final int OUTSIDE_TASKS = 50;

	private static final String ACCESS_LINE = "http response sent";

	private static final List<String> REQUEST_KEYS = List.of("x_request_id", "request_id", "trace_id", "span_id");

	@Autowired
	@Qualifier("applicationTaskExecutor")
	AsyncTaskExecutor executor;

	@BeforeAll
	static void requireVirtualThreads() {
		VirtualThreads.requireJdk21();
	}

	@Test
	void everyLineCarriesItsOwnRequestsIdsAndTraceAndNoOtherLineCarriesAny() throws Exception {
		String prefix = "vt-" + stack() + "-";
		Map<String, String> traceBySentId = new LinkedHashMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			traceBySentId.put(prefix + i, hex(32));
		}
		List<Future<?>> outside = new ArrayList<>();
		for (int i = 0; i < OUTSIDE_TASKS; i++) {
			outside.add(this.executor.submit(() -> {
				for (int n = 0; n < 4; n++) {
					VirtualThreadApps.line(VirtualThreadApps.OUTSIDE, "");
					Thread.sleep(10);
				}
				return null;
			}));
		}
		int wrongAnswers = send(traceBySentId);
		for (Future<?> task : outside) {
			task.get(30, TimeUnit.SECONDS);
		}
		int expectedLines = REQUESTS * (VirtualThreadApps.MESSAGES.size() + 1);
		List<JsonNode> lines = awaitLines(prefix, expectedLines);

		Map<String, List<JsonNode>> bySentId = new HashMap<>();
		List<JsonNode> accessLines = new ArrayList<>();
		List<JsonNode> outsideLines = new ArrayList<>();
		for (JsonNode line : lines) {
			String message = text(line, "message");
			if (ACCESS_LINE.equals(message)) {
				accessLines.add(line);
			}
			else if (VirtualThreadApps.OUTSIDE.equals(message)) {
				outsideLines.add(line);
			}
			else {
				bySentId.computeIfAbsent(text(line, "sent_id"), (id) -> new ArrayList<>()).add(line);
			}
		}
		int foreign = 0;
		int remounted = 0;
		Set<String> requestIds = new HashSet<>();
		for (Map.Entry<String, List<JsonNode>> request : bySentId.entrySet()) {
			String sentId = request.getKey();
			Map<String, JsonNode> byMessage = new HashMap<>();
			for (JsonNode line : request.getValue()) {
				assertThat(byMessage.put(text(line, "message"), line)).as("a second %s line of %s", text(line, "message"), sentId).isNull();
				assertThat(line.get("virtual").asBoolean()).as("logged on a virtual thread: %s", line).isTrue();
				if (!sentId.equals(text(line, "x_request_id"))
						|| !traceBySentId.get(sentId).equals(text(line, "trace_id"))) {
					foreign++;
				}
			}
			assertThat(byMessage.keySet()).as("the lines of %s", sentId).containsExactlyInAnyOrderElementsOf(VirtualThreadApps.MESSAGES);
			String requestId = text(byMessage.get("park start"), "request_id");
			assertThat(request.getValue()).as("request_id on the lines of %s", sentId)
				.allSatisfy((line) -> assertThat(text(line, "request_id")).isNotNull().isEqualTo(requestId));
			requestIds.add(requestId);
			assertThat(text(byMessage.get("park task"), "thread.name")).as("the task of %s ran on another thread", sentId)
				.isNotEqualTo(text(byMessage.get("park end"), "thread.name"));
			if (!text(byMessage.get("park start"), "carrier").equals(text(byMessage.get("park end"), "carrier"))) {
				remounted++;
			}
		}
		Map<String, Integer> accessLinesBySentId = new HashMap<>();
		int foreignAccess = 0;
		for (JsonNode access : accessLines) {
			String sentId = text(access, "x_request_id");
			accessLinesBySentId.merge(sentId, 1, Integer::sum);
			if (!traceBySentId.get(sentId).equals(text(access, "trace_id")) || !bySentId.containsKey(sentId)
					|| !text(bySentId.get(sentId).get(0), "request_id").equals(text(access, "request_id"))) {
				foreignAccess++;
			}
		}
		System.out.printf("[vthreads] %s: %d requests, %d at a time, on virtual threads: %d wrong answers; %,d lines "
				+ "(expected %,d), %d with another request's ids or trace, %d access lines likewise; %d of %d requests "
				+ "came back from their park on another carrier; %d lines outside requests%n", stack(), REQUESTS,
				CONCURRENCY, wrongAnswers, lines.size() - outsideLines.size(), expectedLines, foreign, foreignAccess,
				remounted, bySentId.size(), outsideLines.size());

		assertThat(wrongAnswers).as("answers whose body or X-Request-Id is not the id sent").isZero();
		assertThat(bySentId.keySet()).as("requests that logged").isEqualTo(traceBySentId.keySet());
		assertThat(foreign).as("lines with another request's id or trace").isZero();
		assertThat(requestIds).as("request_id of each request, all different").hasSize(REQUESTS);
		assertThat(accessLinesBySentId).as("one access line a request")
			.hasSize(REQUESTS)
			.allSatisfy((sentId, count) -> assertThat(count).isOne());
		assertThat(foreignAccess).as("access lines with another request's ids or trace").isZero();
		assertThat(remounted).as("requests whose virtual thread came back on another carrier").isPositive();
		assertThat(outsideLines).as("lines outside any request").hasSize(OUTSIDE_TASKS * 4).allSatisfy((line) -> {
			assertThat(line.get("virtual").asBoolean()).as("logged on a virtual thread").isTrue();
			REQUEST_KEYS.forEach((key) -> assertThat(line.has(key)).as("%s on %s", key, line).isFalse());
		});
	}

	/** Sends every request, {@value #CONCURRENCY} at a time; returns how many answers did not echo their own id. */
	private int send(Map<String, String> traceBySentId) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			traceBySentId.forEach((id, traceId) -> answers.add(clients.submit(() -> {
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/park"))
					.header("X-Request-Id", id)
					.header("traceparent", "00-" + traceId + "-" + hex(16) + "-01")
					.build(), HttpResponse.BodyHandlers.ofString());
				return response.statusCode() == 200 && id.equals(response.body())
						&& response.headers().firstValue("X-Request-Id").orElse("").equals(id);
			})));
			int wrong = 0;
			for (Future<Boolean> answer : answers) {
				if (!answer.get(60, TimeUnit.SECONDS)) {
					wrong++;
				}
			}
			return wrong;
		}
		finally {
			clients.shutdownNow();
		}
	}

	/**
	 * The request lines, access lines and lines outside requests, once all the requests' lines have arrived or
	 * after 20 s (then the counts show what is missing).
	 */
	private List<JsonNode> awaitLines(String prefix, int expectedRequestLines) throws InterruptedException {
		List<JsonNode> lines = List.of();
		for (int i = 0; i < 80; i++) {
			lines = this.captured.lines()
				.stream()
				.filter((line) -> VirtualThreadApps.OUTSIDE.equals(text(line, "message"))
						|| String.valueOf(text(line, "sent_id")).startsWith(prefix)
						|| (ACCESS_LINE.equals(text(line, "message"))
								&& String.valueOf(text(line, "x_request_id")).startsWith(prefix)))
				.toList();
			long requestLines = lines.stream().filter((line) -> !VirtualThreadApps.OUTSIDE.equals(text(line, "message"))).count();
			if (requestLines >= expectedRequestLines) {
				return lines;
			}
			Thread.sleep(250);
		}
		return lines;
	}

	/** {@code digits} random lower-case hex digits, not all zero. */
	private static String hex(int digits) {
		StringBuilder hex = new StringBuilder(digits);
		for (int i = 0; i < digits; i++) {
			hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 16), 16));
		}
		return hex.toString();
	}

}
