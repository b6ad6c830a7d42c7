package io.github.dynamologging.export;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.export.ReceivedSpans.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real web app on Tomcat, configured only through the OTEL_* variables, exports its spans over gRPC
 * and over http/protobuf to a real receiver; the exported ids are the ones in the log lines.
 */
class OtlpExportIntegrationTest {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(OtlpExportIntegrationTest.class);

	static Stream<Named<Callable<OtlpReceiver>>> receivers() {
		return Stream.of(Named.of("grpc", OtlpGrpcReceiver::new), Named.of("http/protobuf", OtlpHttpReceiver::new));
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void exportedServerSpanCarriesTheLogLinesIdsServiceNameAndRequestId(Callable<OtlpReceiver> receivers)
			throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger(OtlpExportIntegrationTest.class);
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		try (OtlpReceiver receiver = receivers.call();
				ConfigurableApplicationContext app = start(Map.of("OTEL_EXPORT_ENABLED", "1",
						"OTEL_EXPORTER_OTLP_PROTOCOL", receiver.protocol(), "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
						receiver.endpoint(), "OTEL_SERVICE_NAME", "otlp-it"))) {
			// After the start: Boot's logging system resets Logback while starting.
			logger.addAppender(lines);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/work"))
					.header("X-Request-Id", "otlp-1")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			Map<String, String> mdc = lines.list.stream()
				.filter((line) -> line.getFormattedMessage().equals("working"))
				.findFirst()
				.orElseThrow()
				.getMDCPropertyMap();
			assertThat(mdc).containsKeys("trace_id", "span_id").containsEntry("x_request_id", "otlp-1");
			ReceivedSpan span = receiver.spans().await((received) -> received.traceId().equals(mdc.get("trace_id")),
					Duration.ofSeconds(10));
			assertThat(span.spanId()).isEqualTo(mdc.get("span_id"));
			assertThat(span.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
			assertThat(span.resourceAttribute("service.name")).isEqualTo("otlp-it");
			assertThat(span.attribute("x_request_id")).isEqualTo("otlp-1");
		}
		finally {
			logger.detachAppender(lines);
		}
	}

	@Test
	void aHangingCollectorHoldsUpNoRequest() throws Exception {
		try (SilentCollector collector = new SilentCollector();
				ConfigurableApplicationContext app = start(Map.of("OTEL_EXPORT_ENABLED", "1",
						"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint()))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient client = HttpClient.newHttpClient();
			for (int i = 0; i < 20; i++) {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/work")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo("done");
			}
			// The spans really went towards the collector, which never answered.
			for (int i = 0; i < 500 && collector.connections() == 0; i++) {
				Thread.sleep(20);
			}
			assertThat(collector.connections()).isPositive();
		}
	}

	/** Starts the app with these environment variables in place of the real ones. */
	private static ConfigurableApplicationContext start(Map<String, Object> variables) {
		DynamoEnvironment env = new DynamoEnvironment();
		env.variables.putAll(variables);
		StandardEnvironment environment = new StandardEnvironment();
		env.replaceSources(environment);
		return new SpringApplicationBuilder(App.class).environment(environment)
			.properties("server.port=0", "spring.main.web-application-type=servlet",
					// Spans leave within a test's patience; the exporter's batching is otherwise unchanged.
					"management.opentelemetry.tracing.export.schedule-delay=100ms")
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class App {

		@GetMapping("/work")
		String work() {
			log.info("working");
			return "done";
		}

	}

}
