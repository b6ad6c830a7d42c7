package io.github.dynamologging.export;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.dynamologging.testing.LoggerEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OtlpExportReportTests {

	private final DynamoEnvironment env = new DynamoEnvironment();

	private final ApplicationContextRunner contextRunner = this.env.exportContext();

	@RegisterExtension
	final LoggerEvents lines = new LoggerEvents(OtlpExportReport.class);

	@Test
	void saysDisabledOnceWhenNothingIsExported() {
		this.contextRunner.run((context) -> {
			ILoggingEvent line = onlyLine();
			assertThat(line.getLevel()).isEqualTo(Level.INFO);
			assertThat(line.getFormattedMessage()).isEqualTo("OpenTelemetry OTLP export disabled, traces local only");
			assertThat(keyValues(line)).containsExactly(Map.entry("service", "dynamo"),
					Map.entry("console_format", "readable"));
		});
	}

	@Test
	void saysDisabledWhenTheEndpointWasRejected() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1").variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4317");
		this.contextRunner.run((context) -> assertThat(onlyLine().getFormattedMessage())
			.isEqualTo("OpenTelemetry OTLP export disabled, traces local only"));
	}

	@Test
	void saysEnabledWithTheEndpointAndTheService() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector.monitoring:4317");
		this.env.applicationYml.put("spring.application.name", "orders");
		this.contextRunner.run((context) -> {
			ILoggingEvent line = onlyLine();
			assertThat(line.getLevel()).isEqualTo(Level.INFO);
			assertThat(line.getFormattedMessage()).isEqualTo("OpenTelemetry OTLP export enabled");
			assertThat(keyValues(line)).containsExactly(Map.entry("endpoint", "http://collector.monitoring:4317"),
					Map.entry("protocol", "grpc"), Map.entry("service", "orders"), Map.entry("console_format", "readable"));
		});
	}

	@Test
	void theServiceIsDynamoWhenNothingNamesIt() {
		this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
			.variable("DYN_LOGGING_JSONL", "1");
		this.contextRunner.run((context) -> assertThat(keyValues(onlyLine())).containsExactly(
				Map.entry("endpoint", "http://localhost:4318/v1/traces"), Map.entry("protocol", "http/protobuf"),
				Map.entry("service", "dynamo"), Map.entry("console_format", "jsonl")));
	}

	private ILoggingEvent onlyLine() {
		assertThat(this.lines.list()).hasSize(1);
		return this.lines.list().get(0);
	}

	private static List<Map.Entry<String, Object>> keyValues(ILoggingEvent line) {
		return line.getKeyValuePairs().stream().map((KeyValuePair pair) -> Map.entry(pair.key, pair.value)).toList();
	}

}
