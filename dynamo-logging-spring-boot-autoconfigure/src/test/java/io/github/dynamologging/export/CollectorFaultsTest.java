package io.github.dynamologging.export;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.export.ExportFailures.Reason;
import io.github.dynamologging.export.ExportFailures.Signal;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpGrpcSpanExporterBuilderCustomizer;
import org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpGrpcLogRecordExporterBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collector that refuses or hangs costs the app nothing but the spans and log records: requests answer, both
 * signals' losses are counted, the app closes; and the log says so in one line a minute for both, the
 * exporter's own lines being off unless a source asks for them. The figures (latency, heap, shutdown time) come from
 * {@code scripts/export-faults}; these tests check the invariants only.
 */
class CollectorFaultsTest {

	/**
	 * The exporters' own timeout (Boot's settings, 10 s by default), which bounds an export and its retries
	 * together: the hanging and the refused collector then cost the test a second each, not 10 s and 4 to 8 s.
	 */
	private static final String[] EXPORTER_TIMEOUTS = { "management.opentelemetry.tracing.export.otlp.timeout=1s",
			"management.opentelemetry.logging.export.otlp.timeout=1s" };

	/** The clock of the one-a-minute limit in the apps these tests start. */
	static final AtomicLong NOW = new AtomicLong();

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private Logger root;

	@AfterEach
	void detach() {
		if (this.root != null) {
			this.root.detachAppender(this.lines);
		}
	}

	@Test
	void aRefusingCollectorHoldsUpNoRequestAndTheAppCloses() throws Exception {
		requestsAnswerDropsAreCountedAndTheAppCloses(refusingEndpoint(), null);
	}

	@Test
	void aHangingCollectorHoldsUpNoRequestAndTheAppCloses() throws Exception {
		try (SilentCollector collector = new SilentCollector()) {
			requestsAnswerDropsAreCountedAndTheAppCloses(collector.endpoint(), collector);
		}
	}

	private void requestsAnswerDropsAreCountedAndTheAppCloses(String endpoint, SilentCollector collector)
			throws Exception {
		ConfigurableApplicationContext app = ExportTestApp.start(
				Map.of("OTEL_EXPORT_ENABLED", "1", "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), List.of(),
				EXPORTER_TIMEOUTS);
		try {
			for (int i = 0; i < 20; i++) {
				HttpResponse<String> response = ExportTestApp.work(app);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo("done");
			}
			if (collector != null) {
				// The spans really went towards the collector, which never answered.
				awaitTrue(() -> collector.connections() > 0);
			}
			// A refused export fails once the exporter's retries end, a hanging one when its own timeout ends it;
			// the timeout (10 s by default, 1 s here) ends the retries too.
			ExportFailures failures = app.getBean(ExportFailures.class);
			awaitTrue(() -> failures.total(Signal.SPANS, Reason.EXPORT_FAILED) > 0);
			awaitTrue(() -> failures.total(Signal.LOGS, Reason.EXPORT_FAILED) > 0);
		}
		finally {
			app.close();
		}
		assertThat(app.isActive()).isFalse();
	}

	@Test
	void anOutageIsOneWarningAMinuteWithTheCauseAndNoExporterLines() throws Exception {
		String endpoint = refusingEndpoint();
		// Spans only: the log exporter's failures at start would draw the minute's one line before the capture.
		try (ConfigurableApplicationContext app = ExportTestApp.start(Map.of("OTEL_EXPORT_ENABLED", "1",
				"OTEL_EXPORT_LOGS_ENABLED", "0", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", endpoint),
				List.of(TestClock.class, NoRetries.class))) {
			captureAllLines();
			for (int i = 0; i < 3; i++) {
				exportOneRequestsSpans(app);
			}
			assertThat(app.getBean(ExportFailures.class).total(Signal.SPANS, Reason.EXPORT_FAILED)).isEqualTo(3);
			assertThat(warnings()).hasSize(1);
			Map<String, Object> warning = LineFields.of(warnings().get(0));
			assertThat(warning).containsEntry("endpoint", endpoint).containsEntry("dropped_export_failed", 1L);
			assertThat((String) warning.get("cause")).startsWith("ConnectException: ");
			NOW.addAndGet(Duration.ofSeconds(61).toNanos());
			exportOneRequestsSpans(app);
			exportOneRequestsSpans(app);
			assertThat(warnings()).hasSize(2);
			// The exporter failed five times; its own lines are off by default.
			assertThat(openTelemetryLines()).isEmpty();
		}
	}

	@Test
	void bothSignalsLostToOneOutageShareTheOneWarningAMinute() throws Exception {
		try (ConfigurableApplicationContext app = ExportTestApp.start(
				Map.of("OTEL_EXPORT_ENABLED", "1", "OTEL_EXPORTER_OTLP_ENDPOINT", refusingEndpoint()),
				List.of(TestClock.class, NoRetries.class))) {
			captureAllLines();
			// The start's own lines may have drawn the minute's line already.
			NOW.addAndGet(Duration.ofSeconds(61).toNanos());
			for (int i = 0; i < 3; i++) {
				exportOneRequestsLines(app);
				exportOneRequestsSpans(app);
			}
			ExportFailures failures = app.getBean(ExportFailures.class);
			assertThat(failures.total(Signal.SPANS, Reason.EXPORT_FAILED)).isGreaterThanOrEqualTo(3);
			assertThat(failures.total(Signal.LOGS, Reason.EXPORT_FAILED)).isGreaterThanOrEqualTo(3);
			assertThat(warnings()).hasSize(1);
			Map<String, Object> warning = LineFields.of(warnings().get(0));
			assertThat((Long) warning.get("dropped_spans") + (Long) warning.get("dropped_log_records"))
				.isEqualTo(warning.get("dropped"))
				.isPositive();
			assertThat(openTelemetryLines()).isEmpty();
		}
	}

	/** One request, its "working" line exported (and refused) before this returns. */
	private static void exportOneRequestsLines(ConfigurableApplicationContext app) throws Exception {
		ExportFailures failures = app.getBean(ExportFailures.class);
		long before = failures.total(Signal.LOGS, Reason.EXPORT_FAILED);
		assertThat(ExportTestApp.work(app).statusCode()).isEqualTo(200);
		awaitTrue(() -> {
			app.getBean(SdkLoggerProvider.class).forceFlush().join(15, TimeUnit.SECONDS);
			return failures.total(Signal.LOGS, Reason.EXPORT_FAILED) > before;
		});
	}

	@Test
	void anySourceAboveTheDefaultsBringsTheExportersOwnLinesBack() throws Exception {
		// Spans only, as in anOutageIsOneWarningAMinuteWithTheCauseAndNoExporterLines.
		try (ConfigurableApplicationContext app = ExportTestApp.start(
				Map.of("OTEL_EXPORT_ENABLED", "1", "OTEL_EXPORT_LOGS_ENABLED", "0", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
						refusingEndpoint(), "DYN_LOG", "info,io.opentelemetry.exporter=error"),
				List.of(TestClock.class, NoRetries.class))) {
			captureAllLines();
			exportOneRequestsSpans(app);
			assertThat(warnings()).hasSize(1);
			assertThat(openTelemetryLines()).isNotEmpty()
				.allSatisfy((line) -> assertThat(line.getLevel()).isEqualTo(Level.ERROR));
		}
	}

	/**
	 * One request, its span exported (and refused) before this returns. The server span ends just after the
	 * response is sent, so the flush is repeated until the export of that span has failed.
	 */
	private static void exportOneRequestsSpans(ConfigurableApplicationContext app) throws Exception {
		ExportFailures failures = app.getBean(ExportFailures.class);
		long before = failures.total(Signal.SPANS, Reason.EXPORT_FAILED);
		assertThat(ExportTestApp.work(app).statusCode()).isEqualTo(200);
		awaitTrue(() -> {
			app.getBean(SdkTracerProvider.class).forceFlush().join(15, TimeUnit.SECONDS);
			return failures.total(Signal.SPANS, Reason.EXPORT_FAILED) > before;
		});
	}

	/** After the start: Boot's logging system resets Logback while starting. */
	private void captureAllLines() {
		this.root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.lines.start();
		this.root.addAppender(this.lines);
	}

	private List<ILoggingEvent> warnings() {
		return this.lines.list.stream()
			.filter((line) -> line.getLoggerName().equals(ExportFailures.class.getName()))
			.filter((line) -> line.getLevel() == Level.WARN)
			.toList();
	}

	private List<ILoggingEvent> openTelemetryLines() {
		return new ArrayList<>(this.lines.list).stream()
			.filter((line) -> line.getLoggerName().startsWith("io.opentelemetry"))
			.toList();
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
		for (int i = 0; i < 1500 && !condition.getAsBoolean(); i++) {
			Thread.sleep(20);
		}
		assertThat(condition.getAsBoolean()).isTrue();
	}

	/** A local port nothing listens on: connections are refused at once. */
	static String refusingEndpoint() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		ExportFailures testClockExportFailures() {
			return new ExportFailures(NOW::get);
		}

	}

	/** The exporters' retries would only make the test wait for the same refusal. */
	@Configuration(proxyBeanMethods = false)
	static class NoRetries {

		@Bean
		OtlpGrpcSpanExporterBuilderCustomizer noRetries() {
			return (builder) -> builder.setRetryPolicy(null);
		}

		@Bean
		OtlpGrpcLogRecordExporterBuilderCustomizer noLogRetries() {
			return (builder) -> builder.setRetryPolicy(null);
		}

	}

}
