package io.github.dynamologging.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import static io.github.dynamologging.export.OtlpExportVariables.ENABLED_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.ENDPOINT_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.EXPORT_TIMEOUT_PROPERTY;
import static io.github.dynamologging.export.OtlpExportVariables.TRANSPORT_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

class OtlpExportVariablesTests {

	private final DynamoEnvironment env = new DynamoEnvironment();

	@Test
	void withoutVariablesTheStarterSetsNothingAndBootsOwnPropertiesStillApply() {
		this.env.applicationYml.put(ENDPOINT_PROPERTY, "http://from-yml:4318/v1/traces");
		StandardEnvironment environment = this.env.process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isNull();
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("http://from-yml:4318/v1/traces");
		assertThat(this.env.warnings()).isEmpty();
	}

	@Test
	void enabledExportsOverGrpcToTheLocalCollectorByDefault() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", " Yes ").process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("true");
		assertThat(environment.getProperty(TRANSPORT_PROPERTY)).isEqualTo("grpc");
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("http://localhost:4317");
		assertThat(environment.getProperty(EXPORT_TIMEOUT_PROPERTY)).isEqualTo("5s");
		assertThat(this.env.warnings()).isEmpty();
	}

	@Test
	void theVariableMapsOntoTheSwitchWhichIsWhatDecides() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "on").process();
		assertThat(environment.getProperty("dynamo.logging.export.enabled")).isEqualTo("true");
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("true");
	}

	@Test
	void theSwitchInApplicationYmlMeansWhatTheVariableMeans() {
		this.env.applicationYml.put("dynamo.logging.export.enabled", "true");
		this.env.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
		StandardEnvironment environment = this.env.process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("true");
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("http://localhost:4318/v1/traces");
		assertThat(this.env.warnings()).isEmpty();
	}

	@Test
	void theSwitchAsASystemPropertyWinsOverTheVariable() {
		this.env.systemProperties.put("dynamo.logging.export.enabled", "false");
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")
			.process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(environment.getProperty("management.logging.export.otlp.enabled")).isEqualTo("false");
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isNull();
	}

	@Test
	void httpProtobufDefaultsToTheHttpPathOfTheLocalCollector() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "HTTP/protobuf")
			.process();
		assertThat(environment.getProperty(TRANSPORT_PROPERTY)).isEqualTo("http");
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("http://localhost:4318/v1/traces");
	}

	@Test
	void theTracesProtocolWinsOverTheGeneralOne() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "true")
			.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
			.variable("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "grpc")
			.process();
		assertThat(environment.getProperty(TRANSPORT_PROPERTY)).isEqualTo("grpc");
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("http://localhost:4317");
	}

	@Test
	void theTracesEndpointIsUsedAsGiven() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "on")
			.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://collector.monitoring:4317")
			.process();
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("https://collector.monitoring:4317");
	}

	@Test
	void theGeneralEndpointGetsTheTracesPathForHttp() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "on")
			.variable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
			.variable("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")
			.process();
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isEqualTo("http://collector:4318/v1/traces");
	}

	@Test
	void theExportTimeoutIsLeftAloneWhileExportIsOff() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "0").process();
		assertThat(environment.getProperty(EXPORT_TIMEOUT_PROPERTY)).isNull();
	}

	@Test
	void anEndpointWithoutTheSwitchExportsNothing() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4317")
			.process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("false");
	}

	@Test
	void aFalseSwitchOverridesApplicationYml() {
		this.env.applicationYml.put(ENABLED_PROPERTY, "true");
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "0").process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(this.env.warnings()).isEmpty();
	}

	@Test
	void systemPropertiesWinOverTheVariables() {
		this.env.systemProperties.put(ENABLED_PROPERTY, "false");
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1").process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("false");
	}

	@Test
	void anUnrecognisedSwitchIsFalseWithOneWarning() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "maybe").process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(this.env.warnings()).singleElement()
			.asString()
			.contains("OTEL_EXPORT_ENABLED='maybe'", "expected one of 1, true, on, yes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost:4317", "collector", "ftp://collector:4317", "http://", "http://col lector:4317",
			"http://collector:99999", " http://collector:4317", "http://under_score:4317" })
	void aMalformedEndpointDrawsOneWarningNamingItAndTheRuleAndExportStaysOff(String endpoint) {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", endpoint)
			.process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(environment.getProperty(ENDPOINT_PROPERTY)).isNull();
		assertThat(this.env.warnings()).singleElement()
			.asString()
			.contains("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT='" + endpoint + "' is not a valid endpoint",
					"must be an absolute http:// or https:// URL with a host", "OTLP export stays off");
	}

	@Test
	void anUnknownProtocolDrawsOneWarningAndExportStaysOff() {
		StandardEnvironment environment = this.env.variable("OTEL_EXPORT_ENABLED", "1")
			.variable("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/json")
			.process();
		assertThat(environment.getProperty(ENABLED_PROPERTY)).isEqualTo("false");
		assertThat(this.env.warnings()).singleElement()
			.asString()
			.contains("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL='http/json'", "expected grpc or http/protobuf",
					"OTLP export stays off");
	}

	@Test
	void theServiceNameVariableWinsOverApplicationYml() {
		this.env.applicationYml.put("management.opentelemetry.resource-attributes.service.name", "from-yml");
		StandardEnvironment environment = this.env.variable("OTEL_SERVICE_NAME", " checkout ").process();
		assertThat(Binder.get(environment)
			.bind("management.opentelemetry.resource-attributes", Bindable.mapOf(String.class, String.class))
			.get()).containsEntry("service.name", "checkout");
	}

}
