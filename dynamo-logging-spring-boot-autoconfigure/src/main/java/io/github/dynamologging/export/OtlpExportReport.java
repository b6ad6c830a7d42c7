package io.github.dynamologging.export;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingConnectionDetails;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;

/**
 * Says once at start whether spans leave the process (SPEC 7), judged by the exporter beans that exist, so
 * the line tells what the context really holds rather than what the variables asked for.
 */
class OtlpExportReport implements SmartInitializingSingleton {

	static final String ENABLED = "OpenTelemetry OTLP export enabled";

	static final String DISABLED = "OpenTelemetry OTLP export disabled, traces local only";

	private static final Logger log = LoggerFactory.getLogger(OtlpExportReport.class);

	private final ObjectProvider<OtlpGrpcSpanExporter> grpcExporters;

	private final ObjectProvider<OtlpHttpSpanExporter> httpExporters;

	private final ObjectProvider<OtlpTracingConnectionDetails> connectionDetails;

	private final ObjectProvider<Resource> resource;

	OtlpExportReport(ObjectProvider<OtlpGrpcSpanExporter> grpcExporters,
			ObjectProvider<OtlpHttpSpanExporter> httpExporters,
			ObjectProvider<OtlpTracingConnectionDetails> connectionDetails, ObjectProvider<Resource> resource) {
		this.grpcExporters = grpcExporters;
		this.httpExporters = httpExporters;
		this.connectionDetails = connectionDetails;
		this.resource = resource;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Transport transport = transport();
		if (transport == null) {
			log.info(DISABLED);
			return;
		}
		OtlpTracingConnectionDetails details = this.connectionDetails.getIfUnique();
		// An application's own exporter bean may have been built without Boot's connection details.
		String endpoint = (details != null) ? details.getUrl(transport) : "set by the application's exporter bean";
		Resource resource = this.resource.getIfUnique();
		String service = (resource != null) ? ServiceName.of(resource) : ServiceName.FALLBACK;
		log.atInfo().addKeyValue("endpoint", endpoint).addKeyValue("service", service).log(ENABLED);
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
