package io.github.dynamologging.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.dynamologging.hardening.HostileText.Entry;
import io.github.dynamologging.request.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bytes in {@code X-Request-Id}, {@code traceparent}/{@code tracestate} and the query string,
 * sent by a raw socket to a real server on a random port. The server either answers 200 or its own
 * HTTP parser refuses the request with a 4xx before the app sees it (recorded per case); every line
 * logged meanwhile parses and validates, the echoed id follows docs/requests-and-traces.md, a hostile {@code traceparent}
 * starts a new trace and its raw text never reaches a line.
 */
abstract class HostileRequestTests extends RunningStackTests {

	static final Pattern VALID_ID = Pattern.compile("[\\x20-\\x7E]{1,1024}");

	static final Pattern UUID_V4 = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final String VALID_TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

	/**
	 * Corpus entries longer than this, percent-encoded, are left to the oversize cases: Reactor Netty
	 * caps the request line at 4 KiB (414), Tomcat the whole head at 8 KiB (400).
	 */
	private static final int MAX_QUERY = 3500;

	/** The status recorded when the server resets the connection instead of answering. */
	private static final String RESET = "connection reset";

	@Test
	void hostileRequestIdsAreKeptOnlyWhenValidAndNeverBreakALine() throws Exception {
		Map<String, byte[]> cases = new LinkedHashMap<>();
		cases.put("invalid UTF-8 C3 28", bytes(0xC3, 0x28));
		cases.put("invalid UTF-8 FF", bytes('a', 0xFF, 'b'));
		cases.put("overlong slash C0 AF", bytes(0xC0, 0xAF));
		cases.put("overlong slash E0 80 AF", bytes(0xE0, 0x80, 0xAF));
		cases.put("UTF-8 encoded lone surrogate ED A0 80", bytes(0xED, 0xA0, 0x80));
		cases.put("obs-text Latin-1 e-acute", bytes('c', 'a', 'f', 0xE9));
		cases.put("raw UTF-8 emoji", "id-\uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
		cases.put("JSON forgery", ascii("\"},{\"level\":\"ERROR\",\"x\":\""));
		cases.put("backslash", ascii("a\\b"));
		cases.put("space inside", ascii("a b"));
		cases.put("comma list", ascii("one,two"));
		cases.put("percent-encoded CRLF", ascii("a%0d%0ab"));
		cases.put("1024 characters", ascii("a".repeat(1024)));
		cases.put("1025 characters", ascii("a".repeat(1025)));
		cases.put("4 KiB", ascii("b".repeat(4096)));
		cases.put("16 KiB", ascii("c".repeat(16 * 1024)));
		cases.put("DEL", bytes('a', 0x7F, 'b'));
		cases.put("NUL", bytes('a', 0x00, 'b'));
		cases.put("ESC colour", bytes(0x1B, '[', '3', '1', 'm', 'r', 'e', 'd'));
		cases.put("bare CR inside", bytes('a', '\r', 'b'));
		cases.put("CRLF injecting a second X-Request-Id", ascii("first\r\nX-Request-Id: forged"));
		cases.put("bare LF injecting a header", ascii("first\nX-Forged: yes"));
		cases.put("tab inside", bytes('a', '\t', 'b'));
		for (Map.Entry<String, byte[]> hostile : cases.entrySet()) {
			Map<String, String> response = get(hostile.getKey(), "/log",
					RawHttp.header("X-Request-Id", hostile.getValue()));
			String status = response.get(":status");
			String echoed = response.get("x-request-id");
			String verdict = verdict(status, echoed, hostile.getValue());
			System.out.printf("[hardening] %s X-Request-Id %s: status %s, %s%n", stack(), hostile.getKey(), status,
					verdict);
			assertThat(status).as(hostile.getKey()).isIn("200", "400", "431", RESET);
			if (status.equals("200")) {
				assertThat(echoed).as(hostile.getKey()).matches(VALID_ID);
				awaitLine("handled", echoed);
				if (verdict.startsWith("replaced")) {
					assertThat(echoed).as(hostile.getKey()).matches(UUID_V4);
				}
			}
		}
		assertEveryLineValidAndFreeOf(List.of("forged", "X-Forged"));
	}

	@Test
	void hostileTraceparentsStartANewTraceAndAreNeverLogged() throws Exception {
		Map<String, byte[]> cases = new LinkedHashMap<>();
		cases.put("upper-case hex", ascii(VALID_TRACEPARENT.toUpperCase()));
		cases.put("all-zero trace id", ascii("00-" + "0".repeat(32) + "-b7ad6b7169203331-01"));
		cases.put("all-zero span id", ascii("00-" + TRACE_ID + "-" + "0".repeat(16) + "-01"));
		cases.put("trace id one digit too long", ascii("00-" + TRACE_ID + "a-b7ad6b7169203331-01"));
		cases.put("version 00 with an extra field", ascii(VALID_TRACEPARENT + "-extra"));
		cases.put("version ff", ascii("ff" + VALID_TRACEPARENT.substring(2)));
		cases.put("non-hex digits", ascii("00-" + TRACE_ID.replace('a', 'z') + "-b7ad6b7169203331-01"));
		cases.put("JSON forgery", ascii("00-\"},{\"level\":\"ERROR\"}-b7ad6b7169203331-01"));
		cases.put("invalid UTF-8 inside", bytes('0', '0', '-', 0xC3, 0x28, 0xFF, '-', '0', '1'));
		cases.put("1 KiB", ascii("00-" + "f".repeat(1024)));
		cases.put("control character", bytes('0', '0', '-', 0x01, '-', '0', '1'));
		List<String> neverLogged = new ArrayList<>();
		int n = 0;
		for (Map.Entry<String, byte[]> hostile : cases.entrySet()) {
			String id = "tp-" + stack() + "-" + n++;
			String raw = new String(hostile.getValue(), StandardCharsets.ISO_8859_1);
			neverLogged.add(raw);
			Map<String, String> response = RawHttp.get(this.port, "/log", RawHttp.header("X-Request-Id", ascii(id)),
					RawHttp.header("traceparent", hostile.getValue()));
			String status = response.get(":status");
			assertThat(status).as(hostile.getKey()).isIn("200", "400");
			String trace = "";
			if (status.equals("200")) {
				JsonNode handled = awaitLine("handled", id);
				trace = text(handled, "trace_id");
				assertThat(trace).as(hostile.getKey()).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
				assertThat(text(handled, "span_id")).as(hostile.getKey()).matches("[0-9a-f]{16}");
				assertThat(handled.has("parent_id")).as(hostile.getKey()).isFalse();
			}
			System.out.printf("[hardening] %s traceparent %s: status %s, %s%n", stack(), hostile.getKey(), status,
					status.equals("200") ? "new trace " + trace : "refused by the server");
		}
		String hostileState = "a=\"},{\"level\":\"ERROR\"},b=\u00ff\u00fe,=,,," + "k".repeat(600) + "=v";
		neverLogged.add(hostileState);
		Map<String, String> response = RawHttp.get(this.port, "/log", RawHttp.header("X-Request-Id", ascii("tp-state")),
				RawHttp.header("traceparent", ascii(VALID_TRACEPARENT)),
				RawHttp.header("tracestate", hostileState.getBytes(StandardCharsets.ISO_8859_1)));
		assertThat(response.get(":status")).isEqualTo("200");
		JsonNode continued = awaitLine("handled", "tp-state");
		assertThat(text(continued, "trace_id")).isEqualTo(TRACE_ID);
		System.out.printf("[hardening] %s hostile tracestate with a valid traceparent: status %s, trace continued%n",
				stack(), response.get(":status"));
		neverLogged.add(VALID_TRACEPARENT.toUpperCase().substring(3, 35));
		assertEveryLineValidAndFreeOf(neverLogged);
	}

	@Test
	void hostileQueryStringsAreLoggedAsOneValidLineWithTheDecodedText() throws Exception {
		int n = 0;
		int answered = 0;
		List<String> tooLong = new ArrayList<>();
		for (Entry entry : HostileText.entries()) {
			String encoded = URLEncoder.encode(entry.text(), StandardCharsets.UTF_8).replace("+", "%20");
			if (encoded.length() > MAX_QUERY) {
				tooLong.add(entry.name());
				continue;
			}
			String id = "q-" + stack() + "-" + n++;
			Map<String, String> response = RawHttp.get(this.port, "/echo?q=" + encoded,
					RawHttp.header("X-Request-Id", ascii(id)));
			assertThat(response.get(":status")).as(entry.name()).isEqualTo("200");
			// What the server can decode: UTF-8 cannot carry a lone surrogate, the encoder sent '?'.
			String expected = new String(entry.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
			JsonNode echo = awaitLine(expected, id);
			assertThat(text(echo, "q")).as(entry.name()).isEqualTo(expected);
			answered++;
		}
		Map<String, String> broken = new LinkedHashMap<>();
		broken.put("percent-encoded invalid UTF-8 C3 28 FF", "%C3%28%FF");
		broken.put("percent-encoded overlong slash C0 AF", "%C0%AF");
		broken.put("percent-encoded lone surrogate ED A0 80", "%ED%A0%80");
		broken.put("truncated percent escape", "%E2%82");
		broken.put("bad percent escape", "%zz%");
		broken.put("oversize 5,000 characters", "x".repeat(5000));
		for (Map.Entry<String, String> hostile : broken.entrySet()) {
			String id = "qb-" + stack() + "-" + n++;
			String status = get(hostile.getKey(), "/echo?q=" + hostile.getValue(),
					RawHttp.header("X-Request-Id", ascii(id)))
				.get(":status");
			assertThat(status).as(hostile.getKey()).isIn("200", "400", "414", "431", RESET);
			String logged = "";
			if (status.equals("200")) {
				JsonNode echo = this.captured.await((line) -> id.equals(text(line, "x_request_id")) && line.has("q"));
				logged = ", logged as " + HostileText.describe(text(echo, "q"));
			}
			System.out.printf("[hardening] %s query %s: status %s%s%n", stack(), hostile.getKey(), status, logged);
		}
		System.out.printf("[hardening] %s query strings: %d corpus entries echoed into one valid line each; "
				+ "longer than a request line, covered by the oversize case: %s%n", stack(), answered, tooLong);
		assertThat(answered).isGreaterThanOrEqualTo(60);
		assertEveryLineValidAndFreeOf(List.of());
	}

	/**
	 * {@code GET path}; for a case named "oversize" or "16 KiB" a connection reset counts as the server's
	 * refusal: it answers 414/431 and closes with the rest of the request unread, so the kernel may reset
	 * the connection before the client has read that answer.
	 */
	private Map<String, String> get(String name, String path, byte[]... headerLines) throws IOException {
		try {
			return RawHttp.get(this.port, path, headerLines);
		}
		catch (SocketException ex) {
			assertThat(name).as("%s: %s", name, ex.getMessage()).matches("oversize.*|16 KiB");
			return Map.of(":status", RESET);
		}
	}

	/** The line with this message for the request with this id, waiting for it. */
	private JsonNode awaitLine(String message, String id) throws InterruptedException {
		return this.captured
			.await((line) -> message.equals(text(line, "message")) && id.equals(text(line, "x_request_id")));
	}

	/** Every captured line parses and validates (CapturedLines checks); none holds any of these texts. */
	private void assertEveryLineValidAndFreeOf(List<String> texts) {
		List<JsonNode> lines = this.captured.lines();
		for (JsonNode line : lines) {
			line.properties().forEach((field) -> {
				if (field.getValue().isString()) {
					for (String text : texts) {
						assertThat(field.getValue().asString()).as("field %s", field.getKey()).doesNotContain(text);
					}
				}
			});
		}
		System.out.printf("[hardening] %s %d captured lines, all valid%n", stack(), lines.size());
	}

	/** kept, replaced (a new UUIDv4) or refused, checked against the docs/requests-and-traces.md rule for the bytes sent. */
	private static String verdict(String status, String echoed, byte[] sent) {
		if (!"200".equals(status)) {
			return "refused by the server's HTTP parser";
		}
		String sentText = new String(sent, StandardCharsets.ISO_8859_1);
		if (echoed.equals(sentText)) {
			assertThat(sentText).matches(VALID_ID);
			return "kept";
		}
		String firstLine = sentText.split("\n", 2)[0];
		if (echoed.equals(firstLine)) {
			// Tomcat ends a header line at a bare LF (RFC 9112 allows it): what is left is a valid id.
			return "kept the part before the bare LF, which the server took as the header's end";
		}
		return "replaced by " + echoed;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] bytes(int... values) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int value : values) {
			out.write(value);
		}
		return out.toByteArray();
	}

}
