package io.github.dynamologging.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real application on a random port, talked to with the JDK's HTTP client, with the audit lines it
 * writes captured from its Logback context. Public for the cross-feature tests in {@code hardening}.
 */
public final class RunningApp implements AutoCloseable {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private int port;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

	private String authorization;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		// Boot resets the Logback context when it starts, so the capture goes on afterwards.
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.audit.setContext(logback);
		this.audit.start();
		logback.getLogger(LevelController.AUDIT_LOGGER).addAppender(this.audit);
	}

	/**
	 * @param sources the application's configuration classes
	 * @param properties {@code name=value} settings, passed as command-line arguments (Spring's highest
	 * source), on top of a server on a random port, Servlet unless they name the web application type
	 */
	public static RunningApp start(Class<?>[] sources, String... properties) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		if (List.of(properties).stream().noneMatch((property) -> property.startsWith("spring.main.web-application-type="))) {
			args.add("--spring.main.web-application-type=servlet");
		}
		for (String property : properties) {
			args.add("--" + property);
		}
		return new RunningApp(new SpringApplicationBuilder(sources).run(args.toArray(String[]::new)));
	}

	/** Talks to the management server from now on ({@code management.server.port} set apart). */
	public RunningApp onManagementPort() {
		this.port = Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.management.port"));
		return this;
	}

	/** Sends HTTP basic credentials from now on. */
	public RunningApp as(String user, String password) {
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** Sends no credentials from now on. */
	public RunningApp anonymous() {
		this.authorization = null;
		return this;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	/** A GET with request headers, given as name, value, name, value... */
	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		return send(request(path).headers(headers).GET());
	}

	/** The application's port (the management port after {@link #onManagementPort()}). */
	public int port() {
		return this.port;
	}

	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return send(request(path).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** The key-value pairs of each audit line written so far. */
	public List<Map<String, Object>> auditLines() {
		return this.audit.list.stream()
			.map((line) -> line.getKeyValuePairs()
				.stream()
				.collect(Collectors.toMap((pair) -> pair.key, (pair) -> pair.value, (a, b) -> a,
						java.util.LinkedHashMap<String, Object>::new)))
			.map((pairs) -> (Map<String, Object>) pairs)
			.toList();
	}

	public void clearAuditLines() {
		this.audit.list.clear();
	}

	/** The level a logger has of its own right now, or {@code null}. */
	public static String configuredLevel(String logger) {
		Logger found = ((LoggerContext) LoggerFactory.getILoggerFactory()).exists(logger);
		return (found != null && found.getLevel() != null) ? found.getLevel().toString() : null;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
