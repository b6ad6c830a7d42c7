package io.github.dynamologging.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dynamologging.config.internal.TruthyValue;

/**
 * Maps Dynamo's OTLP switches and the standard {@code OTEL_*} export variables (docs/otlp-export.md) onto
 * Spring Boot's own OTLP tracing and logging properties.
 * <p>
 * {@code dynamo.logging.export.enabled} is the switch, and {@code OTEL_EXPORT_ENABLED} maps onto it; whichever
 * source sets it (command line, the variable, application.yml), it means the same. Unset: the starter sets
 * nothing, so Boot's own properties in application.yml work as Boot documents, except that an endpoint variable
 * alone exports nothing (Dynamo's rule: trace ids in logs only, no exporter traffic). False: export is off. True:
 * spans and log records leave ({@code OTEL_EXPORT_LOGS_ENABLED} false: spans only), each signal to the endpoint,
 * protocol and headers its variables and their defaults decide. A malformed endpoint or an unknown protocol draws
 * one warning and keeps export off (of log records only, when it is theirs), so nothing goes to a guessed place;
 * so does a protocol no sender on the classpath can speak ({@link OtlpSenders}: gRPC once OkHttp is excluded).
 * <p>
 * Boot's {@code OpenTelemetryEnvironmentVariableEnvironmentPostProcessor} maps the same endpoint, protocol and
 * header variables in a source above this one, with other rules (a path appended to a gRPC endpoint, bad header
 * entries passed on); {@link BootVariableMappingOverlap} takes those keys out of it where this class maps them.
 */
final class OtlpExportVariables {

	public static final String OTEL_EXPORT_ENABLED = "OTEL_EXPORT_ENABLED";

	/** The switch {@value #OTEL_EXPORT_ENABLED} maps onto ({@link ExportProperties#getEnabled()}). */
	public static final String SWITCH_PROPERTY = "dynamo.logging.export.enabled";

	public static final String OTEL_EXPORT_LOGS_ENABLED = "OTEL_EXPORT_LOGS_ENABLED";

	public static final String OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

	/** The endpoint for all signals; {@code /v1/traces} or {@code /v1/logs} is appended for http/protobuf. */
	public static final String OTEL_EXPORTER_OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

	public static final String OTEL_EXPORTER_OTLP_TRACES_PROTOCOL = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";

	public static final String OTEL_EXPORTER_OTLP_PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";

	public static final String OTEL_EXPORTER_OTLP_HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";

	public static final String OTEL_SERVICE_NAME = "OTEL_SERVICE_NAME";

	/** Boot's per-exporter switch; it wins over {@code management.tracing.export.enabled}. */
	public static final String ENABLED_PROPERTY = "management.tracing.export.otlp.enabled";

	public static final String ENDPOINT_PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

	public static final String TRANSPORT_PROPERTY = "management.opentelemetry.tracing.export.otlp.transport";

	/** How long the batch processor waits for one export, the last one at shutdown included. */
	public static final String EXPORT_TIMEOUT_PROPERTY = "management.opentelemetry.tracing.export.timeout";

	/** Boot's switch of the OTLP log record exporter. */
	public static final String LOGS_ENABLED_PROPERTY = "management.logging.export.otlp.enabled";

	public static final String LOGS_ENDPOINT_PROPERTY = "management.opentelemetry.logging.export.otlp.endpoint";

	public static final String LOGS_TRANSPORT_PROPERTY = "management.opentelemetry.logging.export.otlp.transport";

	public static final String LOGS_EXPORT_TIMEOUT_PROPERTY = "management.opentelemetry.logging.export.timeout";

	/** Shutdown waits at most 5 s for the last flush of both signals (Boot's default is 30 s). */
	static final String EXPORT_TIMEOUT = "5s";

	/** A user resource attribute wins over Boot's own reading of {@code OTEL_SERVICE_NAME}. */
	public static final String SERVICE_NAME_PROPERTY = "management.opentelemetry.resource-attributes[service.name]";

	private static final String ENDPOINT_RULE = "an OTLP endpoint must be an absolute http:// or https:// URL "
			+ "with a host, e.g. http://otel-collector:4317";

	/** The two signals' variables and Boot properties. */
	enum Signal {

		TRACES("TRACES", "OTLP export stays off", "/v1/traces", ENABLED_PROPERTY, ENDPOINT_PROPERTY,
				TRANSPORT_PROPERTY, EXPORT_TIMEOUT_PROPERTY, "management.opentelemetry.tracing.export.otlp.headers"),

		LOGS("LOGS", "OTLP log export stays off, spans are still exported", "/v1/logs", LOGS_ENABLED_PROPERTY,
				LOGS_ENDPOINT_PROPERTY, LOGS_TRANSPORT_PROPERTY, LOGS_EXPORT_TIMEOUT_PROPERTY,
				"management.opentelemetry.logging.export.otlp.headers");

		final String endpointVariable;

		final String protocolVariable;

		final String headersVariable;

		/** What a bad value of the signal's variables means: spans off is export off, logs off is spans only. */
		final String consequence;

		final String httpPath;

		final String enabledProperty;

		final String endpointProperty;

		final String transportProperty;

		final String timeoutProperty;

		final String headersProperty;

		Signal(String name, String consequence, String httpPath, String enabledProperty, String endpointProperty,
				String transportProperty, String timeoutProperty, String headersProperty) {
			this.endpointVariable = "OTEL_EXPORTER_OTLP_" + name + "_ENDPOINT";
			this.protocolVariable = "OTEL_EXPORTER_OTLP_" + name + "_PROTOCOL";
			this.headersVariable = "OTEL_EXPORTER_OTLP_" + name + "_HEADERS";
			this.consequence = consequence;
			this.httpPath = httpPath;
			this.enabledProperty = enabledProperty;
			this.endpointProperty = endpointProperty;
			this.transportProperty = transportProperty;
			this.timeoutProperty = timeoutProperty;
			this.headersProperty = headersProperty;
		}

		String defaultEndpoint(String transport) {
			return transport.equals("grpc") ? "http://localhost:4317" : "http://localhost:4318" + this.httpPath;
		}

	}

	private OtlpExportVariables() {
	}

	/**
	 * The properties the variables set when nothing else sets the switch: {@link #fromVariables} and
	 * {@link #fromSwitch} with the switch {@value #OTEL_EXPORT_ENABLED} gave.
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value
	 * @return the properties the variables set
	 */
	public static Map<String, Object> properties(Function<String, String> variables, Consumer<String> warnings) {
		return properties(variables, warnings, OtlpExportVariables::classpathSenders);
	}

	/** {@link #properties(Function, Consumer)} with the OTLP senders given, asked only when export is enabled. */
	static Map<String, Object> properties(Function<String, String> variables, Consumer<String> warnings,
			Supplier<OtlpSenders> senders) {
		Map<String, Object> properties = fromVariables(variables, warnings);
		Object enabled = properties.get(SWITCH_PROPERTY);
		properties.putAll(fromSwitch((enabled != null) ? Boolean.valueOf(enabled.toString()) : null, variables,
				warnings, senders));
		return properties;
	}

	/**
	 * What the variables set on their own: the service name, the sampling ratio, and the switch
	 * ({@value #SWITCH_PROPERTY}) from {@value #OTEL_EXPORT_ENABLED}.
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value
	 */
	static Map<String, Object> fromVariables(Function<String, String> variables, Consumer<String> warnings) {
		Map<String, Object> properties = new LinkedHashMap<>();
		String serviceName = variables.apply(OTEL_SERVICE_NAME);
		if (serviceName != null && !serviceName.isBlank()) {
			properties.put(SERVICE_NAME_PROPERTY, serviceName.trim());
		}
		properties.putAll(SampleRatioVariable.properties(variables, warnings));
		String enabled = variables.apply(OTEL_EXPORT_ENABLED);
		if (enabled != null) {
			properties.put(SWITCH_PROPERTY, String.valueOf(TruthyValue.parse(OTEL_EXPORT_ENABLED, enabled, warnings)));
		}
		return properties;
	}

	/**
	 * Boot's export properties for the switch as it stands once every source is read.
	 * @param enabled the effective {@value #SWITCH_PROPERTY}, {@code null} when no source sets it
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value
	 */
	static Map<String, Object> fromSwitch(Boolean enabled, Function<String, String> variables,
			Consumer<String> warnings) {
		return fromSwitch(enabled, variables, warnings, OtlpExportVariables::classpathSenders);
	}

	/** {@link #fromSwitch(Boolean, Function, Consumer)} with the OTLP senders given, asked only when enabled. */
	static Map<String, Object> fromSwitch(Boolean enabled, Function<String, String> variables,
			Consumer<String> warnings, Supplier<OtlpSenders> senders) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (enabled == null || !enabled) {
			if (enabled != null || isSet(variables, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
					|| isSet(variables, OTEL_EXPORTER_OTLP_ENDPOINT) || isSet(variables, Signal.LOGS.endpointVariable)) {
				// Boot would start exporting to an endpoint variable on its own.
				properties.put(ENABLED_PROPERTY, "false");
				properties.put(LOGS_ENABLED_PROPERTY, "false");
			}
			return properties;
		}
		OtlpSenders classpath = senders.get();
		if (!putSignal(Signal.TRACES, variables, warnings, properties, classpath)) {
			// No "logs only" state: the start line says export is on (with or without logs) or off.
			properties.put(LOGS_ENABLED_PROPERTY, "false");
			return properties;
		}
		String logsEnabled = variables.apply(OTEL_EXPORT_LOGS_ENABLED);
		if (logsEnabled == null || TruthyValue.parse(OTEL_EXPORT_LOGS_ENABLED, logsEnabled, warnings)) {
			putSignal(Signal.LOGS, variables, warnings, properties, classpath);
		}
		else {
			properties.put(LOGS_ENABLED_PROPERTY, "false");
		}
		return properties;
	}

	/** @return whether the signal's variables are usable (else it stays off, after a warning) */
	private static boolean putSignal(Signal signal, Function<String, String> variables, Consumer<String> warnings,
			Map<String, Object> properties, OtlpSenders senders) {
		String transport = transport(signal, variables, warnings);
		String endpoint = (transport != null) ? endpoint(signal, variables, transport, warnings) : null;
		if (transport == null || endpoint == null
				|| !senderCanRun(signal, variables, transport, senders, warnings)) {
			properties.put(signal.enabledProperty, "false");
			return false;
		}
		properties.put(signal.enabledProperty, "true");
		properties.put(signal.transportProperty, transport);
		properties.put(signal.endpointProperty, endpoint);
		// Boot maps OTEL_BSP_EXPORT_TIMEOUT and OTEL_BLRP_EXPORT_TIMEOUT above this source, so the standard
		// variables still change it.
		properties.put(signal.timeoutProperty, EXPORT_TIMEOUT);
		String headersVariable = isSet(variables, signal.headersVariable) ? signal.headersVariable
				: OTEL_EXPORTER_OTLP_HEADERS;
		OtlpHeaders.parse(headersVariable, variables.apply(headersVariable), warnings)
			.forEach((name, value) -> properties.put(signal.headersProperty + "[" + name + "]", value));
		return true;
	}

	private static OtlpSenders classpathSenders() {
		return OtlpSenders.of(OtlpExportVariables.class.getClassLoader());
	}

	/**
	 * Whether a sender for the transport can run (the starter brings OkHttp's for both and the JDK's for
	 * http/protobuf; an application may have excluded OkHttp): else one warning naming the protocol, what is
	 * missing and the fix, and the signal stays off, where the exporter would stop the start with a stack trace.
	 */
	private static boolean senderCanRun(Signal signal, Function<String, String> variables, String transport,
			OtlpSenders senders, Consumer<String> warnings) {
		if (!senders.exporterPresent()) {
			return true;
		}
		boolean grpc = transport.equals("grpc");
		String problem = grpc ? senders.grpcProblem() : senders.httpProblem();
		if (problem == null) {
			return true;
		}
		String variable = protocolVariable(signal, variables);
		String asked = isSet(variables, variable) ? variable + "='" + variables.apply(variable) + "'"
				: "The default OTLP protocol grpc (" + variable + " is unset)";
		String fix = grpc ? "keep OkHttp and io.opentelemetry:opentelemetry-exporter-sender-okhttp (the starter "
				+ "brings both unless they are excluded), or send over HTTP: " + variable
				+ "=http/protobuf, to the collector's HTTP port (4318)"
				: "add io.opentelemetry:opentelemetry-exporter-sender-jdk (which the starter brings unless it is "
						+ "excluded)";
		warnings.accept(asked + " needs " + (grpc ? "a gRPC" : "an HTTP") + " sender and none can run: " + problem
				+ "; " + fix + "; " + signal.consequence);
		return false;
	}

	/** The variable that sets the signal's protocol: its own when set, else the general one. */
	private static String protocolVariable(Signal signal, Function<String, String> variables) {
		return isSet(variables, signal.protocolVariable) ? signal.protocolVariable : OTEL_EXPORTER_OTLP_PROTOCOL;
	}

	/** {@code grpc} or {@code http}, Boot's names; {@code null} after a warning. */
	private static String transport(Signal signal, Function<String, String> variables, Consumer<String> warnings) {
		String variable = protocolVariable(signal, variables);
		String value = variables.apply(variable);
		if (value == null || value.isEmpty()) {
			return "grpc";
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "grpc" -> "grpc";
			case "http/protobuf" -> "http";
			default -> {
				warnings.accept(variable + "='" + value + "' is not a supported OTLP protocol; expected grpc or "
						+ "http/protobuf (http/json is not supported); " + signal.consequence);
				yield null;
			}
		};
	}

	/** The endpoint to put, or the default; {@code null} after a warning. */
	private static String endpoint(Signal signal, Function<String, String> variables, String transport,
			Consumer<String> warnings) {
		String variable = isSet(variables, signal.endpointVariable) ? signal.endpointVariable
				: OTEL_EXPORTER_OTLP_ENDPOINT;
		String value = variables.apply(variable);
		if (value == null || value.isEmpty()) {
			return signal.defaultEndpoint(transport);
		}
		// Not trimmed: the exporter would get the raw value.
		String problem = endpointProblem(value);
		if (problem != null) {
			warnings.accept(variable + "='" + value + "' is not a valid endpoint (" + problem + "); " + ENDPOINT_RULE
					+ "; " + signal.consequence);
			return null;
		}
		if (variable.equals(OTEL_EXPORTER_OTLP_ENDPOINT) && transport.equals("http")) {
			return value.replaceAll("/+$", "") + signal.httpPath;
		}
		return value;
	}

	private static String endpointProblem(String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return ex.getReason() + " at index " + ex.getIndex();
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
			return (scheme != null) ? "the scheme is '" + scheme + "'" : "there is no scheme";
		}
		if (uri.getHost() == null) {
			return "there is no valid host";
		}
		if (uri.getPort() > 65535) {
			return "the port " + uri.getPort() + " is above 65535";
		}
		return null;
	}

	static boolean isSet(Function<String, String> variables, String name) {
		String value = variables.apply(name);
		return value != null && !value.isEmpty();
	}

}
