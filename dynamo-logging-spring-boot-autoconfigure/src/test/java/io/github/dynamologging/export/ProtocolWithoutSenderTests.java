package io.github.dynamologging.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.github.dynamologging.export.OtlpExportVariables.ENABLED_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.LOGS_ENABLED_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.LOGS_TRANSPORT_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.TRANSPORT_PROPERTY;
import static io.github.dynamologging.export.OtlpSendersTests.EXPORTER;
import static io.github.dynamologging.export.OtlpSendersTests.OKHTTP_LIBRARIES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A protocol no sender on the classpath can speak (gRPC once OkHttp is excluded): one warning naming the
 * protocol, what is missing and the fix, and that signal stays off instead of stopping the start.
 */
class ProtocolWithoutSenderTests {

	private static final String GRPC_FIX = "keep OkHttp and io.opentelemetry:opentelemetry-exporter-sender-okhttp "
			+ "(the starter brings both unless they are excluded), or send over HTTP: ";

	private static final String WITHOUT_OKHTTP = "OpenTelemetry's OkHttp sender is on the classpath without OkHttp, "
			+ "Okio, the Kotlin standard library";

	private final Map<String, String> variables = new HashMap<>(Map.of("OTEL_EXPORT_ENABLED", "1"));

	private final List<String> warnings = new ArrayList<>();

	private Map<String, Object> properties(OtlpSenders senders) {
		return OtlpExportVariables.properties(this.variables::get, this.warnings::add, () -> senders);
	}

	private static OtlpSenders withoutOkHttp() {
		return OtlpSendersTests.starterSenders(Set.of(EXPORTER));
	}

	@Test
	void theDefaultGrpcWithoutOkHttpSaysSoInOneLineAndKeepsExportOff() {
		Map<String, Object> properties = properties(withoutOkHttp());
		assertThat(this.warnings).containsExactly("The default OTLP protocol grpc (OTEL_EXPORTER_OTLP_PROTOCOL is "
				+ "unset) needs a gRPC sender and none can run: " + WITHOUT_OKHTTP + "; " + GRPC_FIX
				+ "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf, to the collector's HTTP port (4318); OTLP export stays off");
		assertThat(properties).containsEntry(ENABLED_PROPERTY, "false")
			.containsEntry(LOGS_ENABLED_PROPERTY, "false")
			.doesNotContainKey(TRANSPORT_PROPERTY);
	}

	@Test
	void grpcAskedForByNameIsNamedInTheLine() {
		this.variables.put("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "grpc");
		properties(withoutOkHttp());
		assertThat(this.warnings).singleElement()
			.asString()
			.startsWith("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL='grpc' needs a gRPC sender and none can run: ")
			.contains("or send over HTTP: OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf");
	}

	@Test
	void httpProtobufWithoutOkHttpExportsBothSignalsWithoutAWord() {
		this.variables.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
		Map<String, Object> properties = properties(withoutOkHttp());
		assertThat(this.warnings).isEmpty();
		assertThat(properties).containsEntry(ENABLED_PROPERTY, "true")
			.containsEntry(TRANSPORT_PROPERTY, "http")
			.containsEntry(LOGS_ENABLED_PROPERTY, "true")
			.containsEntry(LOGS_TRANSPORT_PROPERTY, "http");
	}

	@Test
	void logRecordsOverGrpcWithoutOkHttpStayOffWhileSpansGoOverHttp() {
		this.variables.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
		this.variables.put("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "grpc");
		Map<String, Object> properties = properties(withoutOkHttp());
		assertThat(this.warnings).singleElement()
			.asString()
			.startsWith("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL='grpc' needs a gRPC sender")
			.endsWith("; OTLP log export stays off, spans are still exported");
		assertThat(properties).containsEntry(ENABLED_PROPERTY, "true").containsEntry(LOGS_ENABLED_PROPERTY, "false");
	}

	@Test
	void httpProtobufWithNoHttpSenderAtAllSaysWhatToAdd() {
		this.variables.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
		properties(new OtlpSenders(List.of(), List.of(OtlpSendersTests.OKHTTP_HTTP), Set.of(EXPORTER)::contains));
		assertThat(this.warnings).containsExactly("OTEL_EXPORTER_OTLP_PROTOCOL='http/protobuf' needs an HTTP sender "
				+ "and none can run: no HTTP sender is on the classpath (neither OpenTelemetry's OkHttp sender with "
				+ "OkHttp nor its JDK HttpClient one); add io.opentelemetry:opentelemetry-exporter-sender-jdk (which "
				+ "the starter brings unless it is excluded); OTLP export stays off");
	}

	@Test
	void withOkHttpGrpcIsExportedAsBefore() {
		Map<String, Object> properties = properties(
				OtlpSendersTests.starterSenders(OtlpSendersTests.with(OKHTTP_LIBRARIES, EXPORTER)));
		assertThat(this.warnings).isEmpty();
		assertThat(properties).containsEntry(ENABLED_PROPERTY, "true").containsEntry(TRANSPORT_PROPERTY, "grpc");
	}

	@Test
	void withoutTheOtlpExporterThereIsNothingToCheck() {
		Map<String, Object> properties = properties(OtlpSendersTests.starterSenders(Set.of()));
		assertThat(this.warnings).isEmpty();
		assertThat(properties).containsEntry(ENABLED_PROPERTY, "true");
	}

	@Test
	void exportOffNeverLooksAtTheClasspath() {
		this.variables.put("OTEL_EXPORT_ENABLED", "0");
		OtlpExportVariables.properties(this.variables::get, this.warnings::add, () -> {
			throw new AssertionError("asked for the senders");
		});
		assertThat(this.warnings).isEmpty();
	}

}
