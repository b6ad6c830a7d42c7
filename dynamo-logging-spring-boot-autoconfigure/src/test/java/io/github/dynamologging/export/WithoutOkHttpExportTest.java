package io.github.dynamologging.export;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dynamologging.export.ReceivedLogs.ReceivedLog;
import io.github.dynamologging.export.ReceivedSpans.ReceivedSpan;
import io.github.dynamologging.testing.CapturedStderr;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application that excluded OkHttp (with Okio and Kotlin) from the starter, as docs/otlp-export.md describes:
 * OpenTelemetry's OkHttp sender is still listed by its jar, its libraries are gone. Runs in the surefire
 * execution {@code lean-classpath-test}, whose classpath lacks them; a real web app on Tomcat, JSONL on stderr,
 * a real OTLP/HTTP receiver that decodes the official messages.
 */
@Tag("lean-classpath")
class WithoutOkHttpExportTest {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@RegisterExtension
	final CapturedStderr stderr = new CapturedStderr();

	@Test
	void theClasspathHasOpenTelemetrysOkHttpSenderButNotOkHttp() throws Exception {
		assertThat(Class.forName("io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider"))
			.isNotNull();
		assertThat(Class.forName("io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider")).isNotNull();
		for (String missing : List.of("okhttp3.OkHttpClient", "okio.Buffer", "kotlin.Unit")) {
			assertThatThrownBy(() -> Class.forName(missing)).isInstanceOf(ClassNotFoundException.class);
		}
	}

	@Test
	void httpProtobufSendsSpansAndLogRecordsThroughTheJdksHttpClient() throws Exception {
		try (OtlpHttpReceiver receiver = new OtlpHttpReceiver();
				ConfigurableApplicationContext app = ExportTestApp.start(Map.of("OTEL_EXPORT_ENABLED", "1",
						"OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "OTEL_EXPORTER_OTLP_ENDPOINT",
						receiver.baseEndpoint(), "OTEL_SERVICE_NAME", "without-okhttp", "DYN_LOGGING_JSONL", "1"))) {
			assertThat(ExportTestApp.work(app).body()).isEqualTo("done");
			JsonNode line = line("working");
			String traceId = line.get("trace_id").stringValue();
			ReceivedSpan span = receiver.spans().await((each) -> each.traceId().equals(traceId), PATIENCE);
			assertThat(span.resourceAttribute("service.name")).isEqualTo("without-okhttp");
			ReceivedLog record = receiver.logs()
				.await((log) -> log.body().equals("working") && log.traceId().equals(traceId), PATIENCE);
			assertThat(record.spanId()).isEqualTo(line.get("span_id").stringValue());
			JsonNode report = line(OtlpExportReport.ENABLED_WITH_LOGS);
			assertThat(report.get("protocol").stringValue()).isEqualTo("http/protobuf");
			assertThat(report.get("endpoint").stringValue()).isEqualTo(receiver.endpoint());
			assertThat(lines("WARN")).isEmpty();
		}
	}

	@Test
	void theDefaultGrpcSaysWhatIsMissingInOneLineAndTheAppStillStartsAndLogs() throws Exception {
		try (ConfigurableApplicationContext app = ExportTestApp
			.start(Map.of("OTEL_EXPORT_ENABLED", "1", "DYN_LOGGING_JSONL", "1"))) {
			assertThat(ExportTestApp.work(app).body()).isEqualTo("done");
			assertThat(line("working").get("trace_id").stringValue()).matches("[0-9a-f]{32}");
			List<JsonNode> warnings = lines("WARN");
			assertThat(warnings).singleElement().satisfies((warning) -> {
				assertThat(warning.get("target").stringValue()).isEqualTo("dynamo.logging.config");
				assertThat(warning.get("message").stringValue()).isEqualTo("The default OTLP protocol grpc "
						+ "(OTEL_EXPORTER_OTLP_PROTOCOL is unset) needs a gRPC sender and none can run: "
						+ "OpenTelemetry's OkHttp sender is on the classpath without OkHttp, Okio, the Kotlin standard "
						+ "library; keep OkHttp and io.opentelemetry:opentelemetry-exporter-sender-okhttp (the "
						+ "starter brings both unless they are excluded), or send over HTTP: "
						+ "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf, to the collector's HTTP port (4318); OTLP "
						+ "export stays off");
				assertThat(warning.has("exception.stacktrace")).isFalse();
			});
			assertThat(lines("ERROR")).isEmpty();
			assertThat(line(OtlpExportReport.DISABLED)).isNotNull();
		}
	}

	/** The first line on stderr with that message; every line must be JSON. */
	private JsonNode line(String message) {
		return this.stderr.lines()
			.jsonLines()
			.stream()
			.filter((line) -> line.get("message").stringValue().equals(message))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line '" + message + "' in " + this.stderr.lines().text()));
	}

	private List<JsonNode> lines(String level) {
		return this.stderr.lines()
			.jsonLines()
			.stream()
			.filter((line) -> line.get("level").stringValue().equals(level))
			.toList();
	}

}
