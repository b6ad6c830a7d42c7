package io.github.dynamologging.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body check on real servers, Servlet (Tomcat) and WebFlux (Reactor Netty): where the actuator has a
 * server of its own ({@code management.server.port=0}, a child context), with and without a management
 * base path; and out of the way where the endpoint takes no writes.
 */
class DynlogBodyCheckIntegrationTest {

	/**
	 * Tomcat and Reactor Netty are both on the test classpath; a reactive management server would be
	 * defined by both (Boot refuses to start), so the reactive one stays on Reactor Netty like the
	 * application's. Tomcat's reactive factory plays no part in a Servlet application.
	 */
	static final String NETTY_MANAGEMENT_SERVER = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration";

	@ParameterizedTest(name = "{0} base-path=''{1}''")
	@CsvSource({ "servlet,''", "servlet,/manage", "reactive,''", "reactive,/manage" })
	void badBodiesAreRefusedWithAMessageAndGoodOnesApplyOnTheManagementServer(String stack, String basePath)
			throws Exception {
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class }, "spring.main.web-application-type=" + stack,
				"management.server.port=0", "management.server.base-path=" + basePath,
				"management.endpoints.web.exposure.include=dynlog", NETTY_MANAGEMENT_SERVER)) {
			String dynlog = basePath + "/actuator/dynlog";
			assertThat(app.post("/actuator/dynlog", "{\"filter\":\"com.example.mgmt=debug\"}").statusCode())
				.isEqualTo(404);
			app.onManagementPort();

			assertRefused(app.post(dynlog, "{\"filter\":5}"), "filter must be a JSON string, but is a number: 5");
			assertRefused(app.post(dynlog, "{\"filter\":true}"), "filter must be a JSON string, but is a boolean: true");
			assertRefused(app.post(dynlog, "[\"com.example.mgmt=debug\"]"),
					"The body must be a JSON object like {\"filter\": \"warn,com.example.api=trace\", \"ttl\": "
							+ "\"PT10M\", \"reason\": \"...\"}, but it is an array");
			assertThat(RunningApp.configuredLevel("true")).isNull();
			assertThat(RunningApp.configuredLevel("com.example.mgmt")).isNull();
			assertThat(app.auditLines()).isEmpty();

			HttpResponse<String> change = app.post(dynlog,
					"{\"filter\":\"com.example.mgmt=debug\",\"ttl\":\"PT2M\",\"reason\":\"INC-9\",\"ticket\":[9]}");
			assertThat(change.statusCode()).isEqualTo(200);
			assertThat(json(change).get("filter").stringValue()).contains("com.example.mgmt=debug");
			assertThat(RunningApp.configuredLevel("com.example.mgmt")).isEqualTo("DEBUG");
			assertThat(app.auditLines()).singleElement()
				.satisfies((line) -> assertThat(line).containsEntry("reason", "INC-9").containsEntry("ttl", "PT2M"));
			assertThat(app.delete(dynlog).statusCode()).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example.mgmt")).isNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void readOnlyEndpointAnswersEveryPost405WhateverTheBody(String stack) throws Exception {
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class }, "spring.main.web-application-type=" + stack,
				"management.endpoints.web.exposure.include=dynlog", "management.endpoint.dynlog.access=read-only")) {
			for (String body : new String[] { "{\"filter\":5}", "[1]", "{\"filter\":\"com.example.ro=debug\"}" }) {
				assertThat(app.post("/actuator/dynlog", body).statusCode()).as(body).isEqualTo(405);
			}
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example.ro")).isNull();
			assertThat(app.auditLines()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "servlet", "reactive" })
	void writesWithQueryParametersAreRefusedAndApplyNothing(String stack) throws Exception {
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class }, "spring.main.web-application-type=" + stack,
				"management.endpoints.web.exposure.include=dynlog")) {
			String rule = " refused: writes take their arguments from the JSON body only; send {\"filter\": "
					+ "\"warn,com.example.api=trace\", \"ttl\": \"PT10M\", \"reason\": \"...\"} without a query string";
			// The report's request: the query used to win over the checked body and drop its reason.
			assertRefused(app.post("/actuator/dynlog?filter=5&reason=&filter=com.evil",
					"{\"filter\":\"com.example.q=debug\",\"reason\":\"INC-1\"}"), "Query parameters 'filter', 'reason' are" + rule);
			assertRefused(app.post("/actuator/dynlog?filter=com.evil", "{}"), "Query parameter 'filter' is" + rule);
			assertThat(RunningApp.configuredLevel("com.evil")).isNull();
			assertThat(RunningApp.configuredLevel("com.example.q")).isNull();
			assertThat(app.auditLines()).isEmpty();

			assertThat(app.post("/actuator/dynlog", "{\"filter\":\"com.example.q=debug\"}").statusCode()).isEqualTo(200);
			assertRefused(app.delete("/actuator/dynlog?now=1"), "Query parameter 'now' is" + rule);
			assertThat(RunningApp.configuredLevel("com.example.q")).as("the change stays").isEqualTo("DEBUG");
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(200);
			assertThat(app.auditLines()).extracting((line) -> line.get("action")).containsExactly("apply", "reset");
			// Reads may still carry a query (a cache-buster, say).
			assertThat(app.get("/actuator/dynlog?t=1").statusCode()).isEqualTo(200);
		}
	}

	/**
	 * On WebFlux a refused write leaves the kept-alive connection ready for the next request, whatever refused
	 * it: on one socket, refused POSTs (a query string, 100 KiB over the limit, a bad shape), a refused DELETE
	 * with a body, then a change and a reset that apply. (Tomcat closes the connection after any 400 or 413
	 * itself.)
	 */
	@Test
	void refusedWritesLeaveTheKeptAliveConnectionReadyForTheNextRequestOnWebFlux() throws Exception {
		try (RunningApp app = RunningApp.start(new Class<?>[] { App.class }, "spring.main.web-application-type=reactive",
				"management.endpoints.web.exposure.include=dynlog");
				Socket socket = new Socket("127.0.0.1", app.port())) {
			socket.setSoTimeout(10_000);
			String tooLarge = "{\"filter\":\"" + "x".repeat(100 * 1024) + "\"}";
			assertThat(exchange(socket, "POST", "/actuator/dynlog?filter=com.evil", "{\"filter\":\"" + "y".repeat(10_000) + "\"}"))
				.isEqualTo(400);
			assertThat(exchange(socket, "POST", "/actuator/dynlog", tooLarge)).isEqualTo(413);
			assertThat(exchange(socket, "POST", "/actuator/dynlog", "{\"filter\":5}")).isEqualTo(400);
			assertThat(exchange(socket, "DELETE", "/actuator/dynlog?now=1", "{\"x\":\"" + "z".repeat(10_000) + "\"}"))
				.isEqualTo(400);
			assertThat(exchange(socket, "POST", "/actuator/dynlog", "{\"filter\":\"com.example.alive=debug\"}"))
				.isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example.alive")).isEqualTo("DEBUG");
			assertThat(exchange(socket, "DELETE", "/actuator/dynlog", "")).isEqualTo(200);
			assertThat(RunningApp.configuredLevel("com.example.alive")).isNull();
			assertThat(RunningApp.configuredLevel("com.evil")).isNull();
		}
	}

	/** Sends one kept-alive request on the socket and reads its whole answer; returns the status. */
	private static int exchange(Socket socket, String method, String path, String body) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		OutputStream out = socket.getOutputStream();
		out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(content);
		out.flush();
		InputStream in = socket.getInputStream();
		String head = line(in);
		int status = Integer.parseInt(head.split(" ")[1]);
		long length = -1;
		boolean chunked = false;
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(header.indexOf(':') + 1).trim();
			length = name.equals("content-length") ? Long.parseLong(value) : length;
			chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
			assertThat(name.equals("connection") && value.equalsIgnoreCase("close")).as("%s %s: Connection: close", method, path)
				.isFalse();
		}
		if (chunked) {
			for (long size = Long.parseLong(line(in), 16); size > 0; size = Long.parseLong(line(in), 16)) {
				in.readNBytes((int) size);
				line(in);
			}
			line(in);
		}
		else {
			in.readNBytes((int) Math.max(length, 0));
		}
		return status;
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new EOFException("the server closed the connection");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private static void assertRefused(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = json(response);
		assertThat(error.get("status").asInt()).isEqualTo(400);
		assertThat(error.get("error").stringValue()).isEqualTo("Bad Request");
		assertThat(error.get("message").stringValue()).isEqualTo(message);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
