package io.github.dynamologging.export;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import static io.github.dynamologging.export.OtlpExportVariables.ENDPOINT_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.LOGS_ENABLED_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.LOGS_ENDPOINT_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.LOGS_EXPORT_TIMEOUT_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.LOGS_TRANSPORT_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

/** The log export, header and sampling variables onto Boot's properties. */
class LogAndHeaderVariablesTests {

	private static final String TRACES_HEADERS = "management.opentelemetry.tracing.export.otlp.headers";

	private static final String LOGS_HEADERS = "management.opentelemetry.logging.export.otlp.headers";

	private final DynamoEnvironment env = new DynamoEnvironment();

	@Test
	void exportOnSendsLogsOverGrpcToTheLocalCollectorByDefault() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1").process();
		assertThat(environment.getProperty(LOGS_ENABLED_PROPERTY)).isEqualTo("true");
		assertThat(environment.getProperty(LOGS_TRANSPORT_PROPERTY)).isEqualTo("grpc");
		assertThat(environment.getProperty(LOGS_ENDPOINT_PROPERTY)).isEqualTo("http://localhost:4317");
		assertThat(environment.getProperty(LOGS_EXPORT_TIMEOUT_PROPERTY)).isEqualTo("5s");
	}

	@Test
	void logsOffMeansSpansOnly() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORT_LOGS_ENABLED", " Off ")
			.process();
		assertThat(environment.getProperty(LOGS_ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(environment.getProperty(LOGS_ENDPOINT_PROPERTY)).isNull();
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("http://localhost:4317");
		assertThat(this.env.warnings()).isEmpty();
	}

	@Test
	void exportOffSendsNoLogsEvenWithALogsEndpoint() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://c:4317")
			.process();
		assertThat(environment.getProperty(LOGS_ENABLED_PROPERTY)).isEqualTo("false");
	}

	@ParameterizedTest
	@CsvSource({ "grpc, http://collector:4317/, http://collector:4317/",
			"http/protobuf, http://collector:4318/, http://collector:4318/v1/logs",
			"http/protobuf, http://collector:4318//, http://collector:4318/v1/logs" })
	void theGenericEndpointIsUsedAsGivenForGrpcAndWithTheLogsPathForHttp(String protocol, String endpoint,
			String expected) {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_PROTOCOL", protocol)
			.variable("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
			.process();
		assertThat(environment.getProperty(LOGS_ENDPOINT_PROPERTY)).isEqualTo(expected);
	}

	@Test
	void theLogsEndpointAndProtocolAreTheirOwnAndNeverTheTracesOnes() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4317")
			.variable("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "http/protobuf")
			.process();
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("http://traces:4317");
		assertThat(environment.getProperty(LOGS_TRANSPORT_PROPERTY)).isEqualTo("http");
		assertThat(environment.getProperty(LOGS_ENDPOINT_PROPERTY)).isEqualTo("http://localhost:4318/v1/logs");
		this.env.variable("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://loki-gateway:4318/otlp/v1/logs");
		assertThat(this.env.process().getProperty(LOGS_ENDPOINT_PROPERTY))
			.isEqualTo("http://loki-gateway:4318/otlp/v1/logs");
	}

	@Test
	void aBadLogsEndpointTurnsOffLogsOnly() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "loki:4317")
			.process();
		assertThat(environment.getProperty(LOGS_ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(environment.getProperty(OtlpExportVariables.ENABLED_PROPERTY)).isEqualTo("true");
		assertThat(this.env.warnings()).singleElement()
			.asString()
			.contains("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT='loki:4317'", "OTLP log export stays off, spans are still exported");
	}

	@Test
	void aBadSpanSettingKeepsAllExportOffAndSaysSoOnce() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc2")
			.process();
		assertThat(environment.getProperty(OtlpExportVariables.ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(environment.getProperty(LOGS_ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(this.env.warnings()).singleElement()
			.asString()
			.startsWith("OTEL_EXPORTER_OTLP_PROTOCOL='grpc2'")
			.endsWith("OTLP export stays off");
	}

	@Test
	void headersReachBothSignalsAndASignalsOwnSetReplacesTheGenericOne() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20abc, X-Scope-OrgID=tenant-1")
			.variable("OTEL_EXPORTER_OTLP_LOGS_HEADERS", "X-Scope-OrgID=logs-tenant")
			.process();
		assertThat(headers(environment, TRACES_HEADERS)).containsExactlyInAnyOrderEntriesOf(
				Map.of("Authorization", "Bearer abc", "X-Scope-OrgID", "tenant-1"));
		assertThat(headers(environment, LOGS_HEADERS)).containsExactlyEntriesOf(Map.of("X-Scope-OrgID", "logs-tenant"));
		assertThat(this.env.warnings()).isEmpty();
	}

	@Test
	void anUnusableEntryDrawsOneWarningNamingItsKeyNeverItsValueAndTheOthersAreSent() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORT_LOGS_ENABLED", "0")
			.variable("OTEL_EXPORTER_OTLP_TRACES_HEADERS",
					"api key=s3cret-1,token=s3cret%2,x-ok=fine,justAS3cretToken,x-nl=s3cret%0Aline")
			.process();
		assertThat(headers(environment, TRACES_HEADERS)).containsExactlyEntriesOf(Map.of("x-ok", "fine"));
		assertThat(this.env.warnings()).hasSize(4)
			.allSatisfy((warning) -> assertThat(warning).startsWith("OTEL_EXPORTER_OTLP_TRACES_HEADERS: ")
				.doesNotContain("s3cret")
				.endsWith("that entry is not sent"));
		assertThat(this.env.warnings().get(0)).contains("key 'api key'", "a header name has only letters");
		assertThat(this.env.warnings().get(1)).contains("key 'token'", "not valid percent-encoding");
		assertThat(this.env.warnings().get(2)).contains("entry 4 has no '='");
		assertThat(this.env.warnings().get(3)).contains("key 'x-nl'", "characters a header cannot carry");
	}

	@Test
	void aSampleRatioBecomesBootsParentBasedRatioSamplerWithExportOnOrOff() {
		StandardEnvironment environment = this.env.variable("OTEL_TRACES_SAMPLE_RATIO", " 0.25 ").process();
		assertThat(environment.getProperty("management.opentelemetry.tracing.sampler"))
			.isEqualTo("parent-based-trace-id-ratio");
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
	}

	@Test
	void theSampleRatioWinsOverApplicationYml() {
		this.env.applicationYml.put("management.tracing.sampling.probability", "0.5");
		StandardEnvironment environment = this.env.variable("OTEL_TRACES_SAMPLE_RATIO", "0").process();
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.0");
	}

	@ParameterizedTest
	@CsvSource({ "1.5", "-0.1", "half", "NaN", "0x1p-2", "0.5d" })
	void aBadSampleRatioDrawsOneWarningAndEveryTraceStaysSampled(String ratio) {
		StandardEnvironment environment = this.env.variable("OTEL_TRACES_SAMPLE_RATIO", ratio).process();
		// The starter's default: every trace.
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
		assertThat(this.env.warnings()).singleElement()
			.asString()
			.contains("OTEL_TRACES_SAMPLE_RATIO='" + ratio + "' is not a sampling ratio", "a number from 0 to 1",
					"every trace stays sampled");
	}

	private static Map<String, String> headers(StandardEnvironment environment, String property) {
		return Binder.get(environment).bind(property, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
	}

}
