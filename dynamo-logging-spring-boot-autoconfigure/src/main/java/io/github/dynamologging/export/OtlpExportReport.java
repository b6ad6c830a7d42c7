package io.github.dynamologging.export;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.core.env.Environment;

/**
 * Says once at start what leaves the process (docs/otlp-export.md), judged by the exporters and the log
 * appender the context really holds rather than by what the variables asked for.
 */
class OtlpExportReport implements SmartInitializingSingleton {

	static final String ENABLED = "OpenTelemetry OTLP export enabled";

	static final String ENABLED_WITH_LOGS = "OpenTelemetry OTLP export enabled (traces and logs)";

	static final String DISABLED = "OpenTelemetry OTLP export disabled, traces local only";

	private static final Logger log = LoggerFactory.getLogger(OtlpExportReport.class);

	private final ObjectProvider<OtlpGrpcSpanExporter> grpcExporters;

	private final ObjectProvider<OtlpHttpSpanExporter> httpExporters;

	private final ObjectProvider<OtlpTracingConnectionDetails> connectionDetails;

	private final ObjectProvider<Resource> resource;

	private final Environment environment;

	private final BooleanSupplier logsExported;

	/** @param logsExported whether the lines go out as log records too */
	OtlpExportReport(ObjectProvider<OtlpGrpcSpanExporter> grpcExporters,
			ObjectProvider<OtlpHttpSpanExporter> httpExporters,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails, ObjectProvider<Resource> resource,
			Environment environment, BooleanSupplier logsExported) {
		this.grpcExporters = grpcExporters;
		this.httpExporters = httpExporters;
		this.connectionDetails = connectionDetails;
		this.resource = resource;
		this.environment = environment;
		this.logsExported = logsExported;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Resource resource = this.resource.getIfUnique();
		String service = (resource != null) ? ServiceName.of(resource) : ServiceName.FALLBACK;
		String consoleFormat = this.environment.getProperty("dynamo.logging.format", "readable")
			.trim()
			.toLowerCase(Locale.ROOT);
		Transport transport = transport();
		if (transport == null) {
			log.atInfo().addKeyValue("service", service).addKeyValue("console_format", consoleFormat).log(DISABLED);
			return;
		}
		OtlpTracingConnectionDetails details = this.connectionDetails.getIfUnique();
		// An application's own exporter bean may have been built without Boot's connection details.
		String endpoint = (details != null) ? details.getUrl(transport) : "set by the application's exporter bean";
		boolean logs = this.logsExported.getAsBoolean();
		log.atInfo()
			.addKeyValue("endpoint", endpoint)
			.addKeyValue("protocol", (transport == Transport.GRPC) ? "grpc" : "http/protobuf")
			.addKeyValue("service", service)
			.addKeyValue("console_format", consoleFormat)
			.log(logs ? ENABLED_WITH_LOGS : ENABLED);
	}

	private Transport transport() {
		if (this.grpcExporters.getIfAvailable() != null) {
			return Transport.GRPC;
		}
		if (this.httpExporters.getIfAvailable() != null) {
			return Transport.HTTP;
		}
		return null;
	}

}
