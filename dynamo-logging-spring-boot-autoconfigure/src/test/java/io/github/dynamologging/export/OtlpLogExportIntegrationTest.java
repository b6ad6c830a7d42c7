package io.github.dynamologging.export;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.export.ExportFailures.Reason;
import io.github.dynamologging.export.ExportFailures.Signal;
import io.github.dynamologging.export.ReceivedLogs.ReceivedLog;
import io.github.dynamologging.export.ReceivedSpans.ReceivedSpan;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real web app on Tomcat, configured only through the OTEL_* variables, exports its lines as OTLP log records
 * beside its spans, over gRPC and over http/protobuf, to a real receiver that decodes the official messages.
 */
class OtlpLogExportIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private Logger root;

	static Stream<Named<Callable<OtlpReceiver>>> receivers() {
		return Stream.of(Named.of("grpc", OtlpGrpcReceiver::new), Named.of("http/protobuf", OtlpHttpReceiver::new));
	}

	@AfterEach
	void detach() {
		if (this.root != null) {
			this.root.detachAppender(this.lines);
		}
	}

	private static Map<String, Object> variables(OtlpReceiver receiver, String... more) {
		Map<String, Object> variables = new LinkedHashMap<>(Map.of("OTEL_EXPORT_ENABLED", "1",
				"OTEL_EXPORTER_OTLP_PROTOCOL", receiver.protocol(), "OTEL_EXPORTER_OTLP_ENDPOINT",
				receiver.baseEndpoint(), "OTEL_SERVICE_NAME", "logs-it"));
		for (int i = 0; i < more.length; i += 2) {
			variables.put(more[i], more[i + 1]);
		}
		return variables;
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void theChainsLinesArriveWithTheTraceAndSpanIdsOfTheirLinesAndSpans(Callable<OtlpReceiver> receivers)
			throws Exception {
		try (OtlpReceiver receiver = receivers.call();
				ConfigurableApplicationContext app = ExportTestApp.start(variables(receiver))) {
			captureLines();
			HttpResponse<String> response = ExportTestApp.get(app, "/chain", "X-Request-Id", "chain-1");
			assertThat(response.body()).isEqualTo("done");
			ILoggingEvent line = this.lines.list.stream()
				.filter((event) -> event.getFormattedMessage().equals("working"))
				.findFirst()
				.orElseThrow();
			String traceId = line.getMDCPropertyMap().get("traceId");
			String spanId = line.getMDCPropertyMap().get("spanId");
			ReceivedLog record = receiver.logs()
				.await((log) -> log.body().equals("working") && log.traceId().equals(traceId), PATIENCE);
			assertThat(record.spanId()).isEqualTo(spanId);
			// The span the line was logged in is the called server span of the chain.
			ReceivedSpan span = receiver.spans().await((received) -> received.spanId().equals(spanId), PATIENCE);
			assertThat(span.traceId()).isEqualTo(traceId);
			assertThat(record.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
			assertThat(record.record().getSeverityText()).isEqualTo("INFO");
			assertThat(record.record().getTimeUnixNano())
				.isEqualTo(TimeUnit.MILLISECONDS.toNanos(line.getTimeStamp()) + line.getNanoseconds() % 1_000_000);
			assertThat(record.scope()).isEqualTo(ExportTestApp.class.getName());
			assertThat(record.resourceAttribute("service.name")).isEqualTo("logs-it");
			assertThat(record.resourceAttribute("service.name")).isEqualTo(span.resourceAttribute("service.name"));
			assertThat(string(record, "target")).isEqualTo(ExportTestApp.class.getName());
			assertThat(string(record, "thread.name")).isEqualTo(line.getThreadName());
			assertThat(string(record, "x_request_id")).isEqualTo(line.getMDCPropertyMap().get("x_request_id"));
			assertThat(string(record, "code.file.path")).isEqualTo("io/github/dynamologging/export/ExportTestApp.java");
			assertThat(record.attribute("code.line.number").getIntValue()).isPositive();
			// The record's own trace context says these.
			assertThat(record.attribute("trace_id")).isNull();
			assertThat(record.attribute("span_id")).isNull();
		}
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void fieldsKeepTheirTypesAndExceptionsTheirParts(Callable<OtlpReceiver> receivers) throws Exception {
		try (OtlpReceiver receiver = receivers.call();
				ConfigurableApplicationContext app = ExportTestApp.start(variables(receiver))) {
			assertThat(ExportTestApp.get(app, "/fields").body()).isEqualTo("done");
			ReceivedLog record = receiver.logs().awaitBody("fields", PATIENCE);
			assertThat(record.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
			assertThat(record.attribute("count").getIntValue()).isEqualTo(3);
			assertThat(record.attribute("ratio").getDoubleValue()).isEqualTo(0.5);
			assertThat(record.attribute("ok").getBoolValue()).isTrue();
			assertThat(string(record, "who")).isEqualTo("alice");
			assertThat(string(record, "tenant")).isEqualTo("t-1");
			assertThat(string(record, "exception.type")).isEqualTo(IllegalStateException.class.getName());
			assertThat(string(record, "exception.message")).isEqualTo("boom");
			assertThat(string(record, "exception.stacktrace"))
				.startsWith("java.lang.IllegalStateException: boom")
				.contains("at io.github.dynamologging.export.ExportTestApp.fields(");
		}
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void linesFromBeforeTheExporterWasReadyArriveOnceItIs(Callable<OtlpReceiver> receivers) throws Exception {
		try (OtlpReceiver receiver = receivers.call();
				ConfigurableApplicationContext app = ExportTestApp.start(variables(receiver))) {
			// One of Boot's first lines, logged before the context (and its exporter) exists.
			ReceivedLog starting = receiver.logs()
				.await((log) -> log.body().startsWith("No active profile set"), PATIENCE);
			assertThat(starting.record().getTimeUnixNano()).isPositive();
			assertThat(app.getBean(ExportFailures.class).total(Signal.LOGS, Reason.STARTUP_BUFFER_FULL)).isZero();
			// And the starter's own start line, which says logs are exported.
			ReceivedLog startLine = receiver.logs()
				.await((log) -> log.body().startsWith("OpenTelemetry OTLP export enabled"), PATIENCE);
			assertThat(startLine.body()).isEqualTo("OpenTelemetry OTLP export enabled (traces and logs)");
			assertThat(string(startLine, "protocol")).isEqualTo(receiver.protocol());
		}
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void headersReachTheCollectorWithEveryExportOfBothSignals(Callable<OtlpReceiver> receivers) throws Exception {
		try (OtlpReceiver receiver = receivers.call();
				ConfigurableApplicationContext app = ExportTestApp.start(variables(receiver,
						"OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20t0ken,X-Scope-OrgID=tenant-1"))) {
			ExportTestApp.work(app);
			receiver.logs().awaitBody("working", PATIENCE);
			receiver.spans().await((span) -> true, PATIENCE);
			assertThat(receiver.requestHeaders()).hasSizeGreaterThanOrEqualTo(2)
				.allSatisfy((headers) -> assertThat(headers).containsEntry("authorization", "Bearer t0ken")
					.containsEntry("x-scope-orgid", "tenant-1"));
		}
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void logsOffSendsSpansOnly(Callable<OtlpReceiver> receivers) throws Exception {
		try (OtlpReceiver receiver = receivers.call()) {
			try (ConfigurableApplicationContext app = ExportTestApp
				.start(variables(receiver, "OTEL_EXPORT_LOGS_ENABLED", "0"))) {
				ExportTestApp.work(app);
				receiver.spans().await((span) -> true, PATIENCE);
				assertThat(app.getBeanProvider(SdkLoggerProvider.class).getIfAvailable()).isNotNull();
			}
			// Closed: everything queued was flushed.
			assertThat(receiver.logs().count()).isZero();
		}
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void aRatioOfZeroSendsNoSpanWhileLinesAndRecordsKeepTheirIds(Callable<OtlpReceiver> receivers) throws Exception {
		try (OtlpReceiver receiver = receivers.call()) {
			String traceId;
			try (ConfigurableApplicationContext app = ExportTestApp
				.start(variables(receiver, "OTEL_TRACES_SAMPLE_RATIO", "0"))) {
				captureLines();
				ExportTestApp.work(app);
				Map<String, String> mdc = this.lines.list.stream()
					.filter((event) -> event.getFormattedMessage().equals("working"))
					.findFirst()
					.orElseThrow()
					.getMDCPropertyMap();
				traceId = mdc.get("traceId");
				assertThat(traceId).matches("[0-9a-f]{32}");
				assertThat(mdc.get("spanId")).matches("[0-9a-f]{16}");
				ReceivedLog record = receiver.logs().awaitBody("working", PATIENCE);
				assertThat(record.traceId()).isEqualTo(traceId);
				assertThat(record.spanId()).isEqualTo(mdc.get("spanId"));
				// Not sampled: the W3C sampled flag is off.
				assertThat(record.record().getFlags() & 1).isZero();
			}
			assertThat(receiver.spans().count()).isZero();
		}
	}

	/** A per-request rule raises one request's DEBUG line: its record names the rule, as its JSONL line does. */
	@Test
	void aLineOnlyARequestRuleLetThroughIsExportedWithTheRulesId() throws Exception {
		try (OtlpReceiver receiver = new OtlpHttpReceiver();
				ConfigurableApplicationContext app = ExportTestApp.start(variables(receiver), List.of(),
						"management.endpoints.web.exposure.include=dynlog")) {
			HttpResponse<String> added = ExportTestApp.post(app, "/actuator/dynlog",
					"{\"match\": {\"header\": \"X-Request-Id\", \"equals\": \"raised-1\"}, \"filter\": \""
							+ ExportTestApp.class.getName() + "=debug\", \"ttl\": \"PT5M\", \"reason\": \"export test\"}");
			assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
			String rule = JsonMapper.shared().readTree(added.body()).get("requestRules").get(0).get("id").stringValue();
			ExportTestApp.work(app, "X-Request-Id", "other-1");
			ExportTestApp.work(app, "X-Request-Id", "raised-1");
			ReceivedLog details = receiver.logs().awaitBody("working details", PATIENCE);
			assertThat(string(details, "x_request_id")).isEqualTo("raised-1");
			assertThat(string(details, "dynlog_rule")).isEqualTo(rule);
			assertThat(details.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_DEBUG);
			// The INFO lines of both requests pass the process-wide filter: no rule named on them.
			receiver.logs().await((log) -> log.body().equals("working") && "raised-1".equals(string(log, "x_request_id")),
					PATIENCE);
			ReceivedLog other = receiver.logs()
				.await((log) -> log.body().equals("working") && "other-1".equals(string(log, "x_request_id")), PATIENCE);
			assertThat(other.attribute("dynlog_rule")).isNull();
			assertThat(receiver.logs().all()).filteredOn((log) -> log.body().equals("working details"))
				.singleElement()
				.satisfies((log) -> assertThat(string(log, "x_request_id")).isEqualTo("raised-1"));
		}
	}

	@ParameterizedTest
	@MethodSource("receivers")
	void aBurstOfTenThousandLinesIsReceivedOrCountedEveryOne(Callable<OtlpReceiver> receivers) throws Exception {
		int sent = 10_000;
		try (OtlpReceiver receiver = receivers.call()) {
			long dropped;
			try (ConfigurableApplicationContext app = ExportTestApp.start(variables(receiver))) {
				app.getBean(SdkLoggerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				ExportFailures failures = app.getBean(ExportFailures.class);
				long droppedBefore = failures.total(Signal.LOGS);
				org.slf4j.Logger burst = LoggerFactory.getLogger("burst");
				for (int i = 0; i < sent; i++) {
					burst.info("burst {}", i);
				}
				// A full queue refuses a line on the logging thread, so the burst's drops are all counted by now;
				// the ones of the lines of the close that follows would not be the burst's.
				app.getBean(SdkLoggerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				dropped = failures.total(Signal.LOGS) - droppedBefore;
			}
			long received = receiver.logs().all().stream().filter((log) -> log.body().startsWith("burst ")).count();
			assertThat(received + dropped).isEqualTo(sent);
		}
	}

	private void captureLines() {
		this.root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.lines.start();
		this.root.addAppender(this.lines);
	}

	private static String string(ReceivedLog record, String key) {
		AnyValue value = record.attribute(key);
		return (value != null) ? value.getStringValue() : null;
	}

}
