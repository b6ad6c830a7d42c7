package io.github.dynamologging.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.dynamologging.config.TruthyValue;

/**
 * Maps Dynamo's OTLP switch and the standard {@code OTEL_*} trace-export variables (SPEC 2.1) onto Spring
 * Boot's own OTLP tracing properties.
 * <p>
 * {@code OTEL_EXPORT_ENABLED} is the switch. Unset or false: export is off, even if OTLP endpoint variables
 * are set (Dynamo's rule: trace ids in logs only, no exporter traffic); Boot's own properties in
 * application.yml still work when no {@code OTEL_*} variable speaks. True: the variables and their defaults
 * decide transport and endpoint. A malformed endpoint or an unknown protocol draws one warning and keeps
 * export off, so spans never go to a guessed place.
 * <p>
 * Boot's {@code OpenTelemetryEnvironmentVariableEnvironmentPostProcessor} maps the same endpoint and protocol
 * variables to the same properties with the same values; this class adds the switch, the defaults and the
 * validation.
 */
public final class OtlpExportVariables {

	public static final String OTEL_EXPORT_ENABLED = "OTEL_EXPORT_ENABLED";

	public static final String OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

	/** The endpoint for all signals; Boot appends {@code /v1/traces} to it for traces. */
	public static final String OTEL_EXPORTER_OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

	public static final String OTEL_EXPORTER_OTLP_TRACES_PROTOCOL = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";

	public static final String OTEL_EXPORTER_OTLP_PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";

	public static final String OTEL_SERVICE_NAME = "OTEL_SERVICE_NAME";

	/** Boot's per-exporter switch; it wins over {@code management.tracing.export.enabled}. */
	public static final String ENABLED_PROPERTY = "management.tracing.export.otlp.enabled";

	public static final String ENDPOINT_PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

	public static final String TRANSPORT_PROPERTY = "management.opentelemetry.tracing.export.otlp.transport";

	/** How long the batch processor waits for one export, the last one at shutdown included. */
	public static final String EXPORT_TIMEOUT_PROPERTY = "management.opentelemetry.tracing.export.timeout";

	/** SPEC 7: shutdown waits at most 5 s for a flush (Boot's default is 30 s). */
	static final String EXPORT_TIMEOUT = "5s";

	/** A user resource attribute wins over Boot's own reading of {@code OTEL_SERVICE_NAME}. */
	public static final String SERVICE_NAME_PROPERTY = "management.opentelemetry.resource-attributes[service.name]";

	static final String GRPC_DEFAULT_ENDPOINT = "http://localhost:4317";

	static final String HTTP_DEFAULT_ENDPOINT = "http://localhost:4318/v1/traces";

	private static final String ENDPOINT_RULE = "an OTLP endpoint must be an absolute http:// or https:// URL "
			+ "with a host, e.g. http://otel-collector:4317";

	private OtlpExportVariables() {
	}

	/**
	 * @param variables environment variable by name, {@code null} when unset
	 * @param warnings receives one line per bad value
	 * @return the properties the variables set
	 */
	public static Map<String, Object> properties(Function<String, String> variables, Consumer<String> warnings) {
		Map<String, Object> properties = new LinkedHashMap<>();
		String serviceName = variables.apply(OTEL_SERVICE_NAME);
		if (serviceName != null && !serviceName.isBlank()) {
			properties.put(SERVICE_NAME_PROPERTY, serviceName.trim());
		}
		String enabled = variables.apply(OTEL_EXPORT_ENABLED);
		if (enabled == null || !TruthyValue.parse(OTEL_EXPORT_ENABLED, enabled, warnings)) {
			if (enabled != null || isSet(variables, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
					|| isSet(variables, OTEL_EXPORTER_OTLP_ENDPOINT)) {
				// Boot would start exporting to an endpoint variable on its own.
				properties.put(ENABLED_PROPERTY, "false");
			}
			return properties;
		}
		String transport = transport(variables, warnings);
		String endpoint = (transport != null) ? endpoint(variables, transport, warnings) : null;
		if (transport == null || endpoint == null) {
			properties.put(ENABLED_PROPERTY, "false");
			return properties;
		}
		properties.put(ENABLED_PROPERTY, "true");
		properties.put(TRANSPORT_PROPERTY, transport);
		properties.put(ENDPOINT_PROPERTY, endpoint);
		// Boot maps OTEL_BSP_EXPORT_TIMEOUT above this source, so the standard variable still changes it.
		properties.put(EXPORT_TIMEOUT_PROPERTY, EXPORT_TIMEOUT);
		return properties;
	}

	/** {@code grpc} or {@code http}, Boot's names; {@code null} after a warning. */
	private static String transport(Function<String, String> variables, Consumer<String> warnings) {
		String variable = isSet(variables, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL) ? OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
				: OTEL_EXPORTER_OTLP_PROTOCOL;
		String value = variables.apply(variable);
		if (value == null || value.isEmpty()) {
			return "grpc";
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "grpc" -> "grpc";
			case "http/protobuf" -> "http";
			default -> {
				warnings.accept(variable + "='" + value + "' is not a supported OTLP protocol; expected grpc or "
						+ "http/protobuf (http/json is not supported); OTLP export stays off");
				yield null;
			}
		};
	}

	/** The endpoint to put, or the default; {@code null} after a warning. */
	private static String endpoint(Function<String, String> variables, String transport, Consumer<String> warnings) {
		String variable = isSet(variables, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ? OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
				: OTEL_EXPORTER_OTLP_ENDPOINT;
		String value = variables.apply(variable);
		if (value == null || value.isEmpty()) {
			return transport.equals("grpc") ? GRPC_DEFAULT_ENDPOINT : HTTP_DEFAULT_ENDPOINT;
		}
		// Not trimmed: Boot maps the raw value above this source, so that is the one the exporter would get.
		String problem = endpointProblem(value);
		if (problem != null) {
			warnings.accept(variable + "='" + value + "' is not a valid endpoint (" + problem + "); " + ENDPOINT_RULE
					+ "; OTLP export stays off");
			return null;
		}
		if (variable.equals(OTEL_EXPORTER_OTLP_ENDPOINT)) {
			// Boot derives the traces endpoint from it (adding /v1/traces) in a source above this one.
			return (transport.equals("grpc")) ? value : value.replaceAll("/+$", "") + "/v1/traces";
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

	private static boolean isSet(Function<String, String> variables, String name) {
		String value = variables.apply(name);
		return value != null && !value.isEmpty();
	}

}
