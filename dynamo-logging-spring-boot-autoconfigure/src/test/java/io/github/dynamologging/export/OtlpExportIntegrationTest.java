package io.github.dynamologging.export;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.export.ReceivedSpans.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real web app on Tomcat, configured only through the OTEL_* variables, exports its spans over gRPC
 * and over http/protobuf to a real receiver; the exported ids are the ones in the log lines.
 */
class OtlpExportIntegrationTest {

	/**
	 * The log records go to the default endpoint, where nothing listens, and their exporter retries: its own
	 * timeout (Boot's setting, 10 s by default), which bounds an export and its retries together, keeps the
	 * close from waiting the 5 s shutdown bound out.
	 */
	private static final String LOG_EXPORTER_TIMEOUT = "management.opentelemetry.logging.export.otlp.timeout=500ms";

	static Stream<Named<Callable<OtlpReceiver>>> receivers() {
		return Stream.of(Named.of("grpc", OtlpGrpcReceiver::new), Named.of("http/protobuf", OtlpHttpReceiver::new));
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void exportedServerSpanCarriesTheLogLinesIdsServiceNameAndRequestId(Callable<OtlpReceiver> receivers)
			throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger(ExportTestApp.class);
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		try (OtlpReceiver receiver = receivers.call();
				ConfigurableApplicationContext app = ExportTestApp.start(Map.of("OTEL_EXPORT_ENABLED", "1",
						"OTEL_EXPORTER_OTLP_PROTOCOL", receiver.protocol(), "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
						receiver.endpoint(), "OTEL_SERVICE_NAME", "otlp-it"), List.of(), LOG_EXPORTER_TIMEOUT)) {
			// After the start: Boot's logging system resets Logback while starting.
			logger.addAppender(lines);
			HttpResponse<String> response = ExportTestApp.work(app, "X-Request-Id", "otlp-1");
			assertThat(response.statusCode()).isEqualTo(200);
			Map<String, String> mdc = lines.list.stream()
				.filter((line) -> line.getFormattedMessage().equals("working"))
				.findFirst()
				.orElseThrow()
				.getMDCPropertyMap();
			assertThat(mdc).containsKeys("traceId", "spanId").containsEntry("x_request_id", "otlp-1");
			ReceivedSpan span = receiver.spans().await((received) -> received.traceId().equals(mdc.get("traceId")),
					Duration.ofSeconds(10));
			assertThat(span.spanId()).isEqualTo(mdc.get("spanId"));
			assertThat(span.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
			assertThat(span.resourceAttribute("service.name")).isEqualTo("otlp-it");
			assertThat(span.attribute("x_request_id")).isEqualTo("otlp-1");
		}
		finally {
			logger.detachAppender(lines);
		}
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void exportedSpansOfAChainCallLinkEachToItsParent(Callable<OtlpReceiver> receivers) throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String callerSpanId = "00f067aa0ba902b7";
		try (OtlpReceiver receiver = receivers.call();
				ConfigurableApplicationContext app = ExportTestApp.start(Map.of("OTEL_EXPORT_ENABLED", "1",
						"OTEL_EXPORTER_OTLP_PROTOCOL", receiver.protocol(), "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
						receiver.endpoint()), List.of(), LOG_EXPORTER_TIMEOUT)) {
			HttpResponse<String> response = ExportTestApp.get(app, "/chain", "traceparent",
					"00-" + traceId + "-" + callerSpanId + "-01");
			assertThat(response.body()).isEqualTo("done");
			List<ReceivedSpan> trace = receiver.spans().awaitTrace(traceId, 3, Duration.ofSeconds(10));
			ReceivedSpan outer = only(trace, SpanKind.SPAN_KIND_SERVER, callerSpanId);
			ReceivedSpan client = only(trace, SpanKind.SPAN_KIND_CLIENT, outer.spanId());
			ReceivedSpan inner = only(trace, SpanKind.SPAN_KIND_SERVER, client.spanId());
			assertThat(List.of(outer, client, inner)).containsExactlyInAnyOrderElementsOf(trace);
			// Both server spans carry the request id (the request package tags server spans only).
			String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(outer.attribute("x_request_id")).isEqualTo(requestId);
			// The call sent it as X-Request-Id, and the called side kept it.
			assertThat(inner.attribute("x_request_id")).isEqualTo(requestId);
		}
	}

	private static ReceivedSpan only(List<ReceivedSpan> trace, SpanKind kind, String parentSpanId) {
		List<ReceivedSpan> matching = trace.stream()
			.filter((span) -> span.span().getKind() == kind && span.parentSpanId().equals(parentSpanId))
			.toList();
		assertThat(matching).as("%s spans whose parent is %s among %s", kind, parentSpanId, trace).hasSize(1);
		return matching.get(0);
	}

}
