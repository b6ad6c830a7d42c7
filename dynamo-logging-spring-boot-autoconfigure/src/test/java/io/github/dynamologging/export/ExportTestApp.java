package io.github.dynamologging.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * A real web app on Tomcat for the export tests, started with environment variables of the test's choosing
 * in place of the real ones; {@code GET /work} logs "working" (and "working details" at DEBUG) and answers "done", {@code GET /chain} calls
 * {@code /work} through Boot's {@code RestClient}, {@code GET /fields} logs a line with fields of every kind.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
class ExportTestApp {

	private static final Logger log = LoggerFactory.getLogger(ExportTestApp.class);

	private final RestClient client;

	ExportTestApp(RestClient.Builder client) {
		this.client = client.build();
	}

	@GetMapping("/work")
	String work() {
		log.debug("working details");
		log.info("working");
		return "done";
	}

	/**
	 * One WARN line with the kinds of fields a line can carry: an MDC entry, key-value pairs of each JSON type and
	 * an exception.
	 */
	@GetMapping("/fields")
	String fields() {
		MDC.put("tenant", "t-1");
		try {
			log.atWarn()
				.addKeyValue("count", 3)
				.addKeyValue("ratio", 0.5)
				.addKeyValue("ok", true)
				.addKeyValue("who", "alice")
				.setCause(new IllegalStateException("boom"))
				.log("fields");
		}
		finally {
			MDC.remove("tenant");
		}
		return "done";
	}

	/** Calls {@code /work} of this same app: a server span, its client span and the called server span. */
	@GetMapping("/chain")
	String chain(HttpServletRequest request) {
		return this.client.get()
			.uri("http://127.0.0.1:" + request.getLocalPort() + "/work")
			.retrieve()
			.body(String.class);
	}

	/**
	 * @param variables the environment variables the app sees
	 * @param extraSources further configuration classes (beans that stand in for the starter's)
	 * @param properties {@code name=value} defaults, below every other source
	 */
	static ConfigurableApplicationContext start(Map<String, Object> variables, List<Class<?>> extraSources,
			String... properties) {
		DynamoEnvironment env = new DynamoEnvironment();
		env.variables.putAll(variables);
		StandardEnvironment environment = new StandardEnvironment();
		env.replaceSources(environment);
		List<Class<?>> sources = new ArrayList<>(List.of(ExportTestApp.class));
		sources.addAll(extraSources);
		List<String> defaults = new ArrayList<>(List.of("server.port=0", "spring.main.web-application-type=servlet",
				// Spans leave within a test's patience; the exporter's batching is otherwise unchanged.
				"management.opentelemetry.tracing.export.schedule-delay=100ms",
				"management.opentelemetry.logging.export.schedule-delay=100ms"));
		defaults.addAll(List.of(properties));
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).environment(environment)
			.properties(defaults.toArray(String[]::new))
			.run();
	}

	static ConfigurableApplicationContext start(Map<String, Object> variables) {
		return start(variables, List.of());
	}

	/** {@code GET /work} with the given headers, name and value alternating. */
	static HttpResponse<String> work(ConfigurableApplicationContext app, String... headers)
			throws IOException, InterruptedException {
		return get(app, "/work", headers);
	}

	/** {@code GET path} with the given headers, name and value alternating. */
	static HttpResponse<String> get(ConfigurableApplicationContext app, String path, String... headers)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** {@code POST path} with a JSON body. */
	static HttpResponse<String> post(ConfigurableApplicationContext app, String path, String json)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

}
