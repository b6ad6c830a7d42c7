package io.github.dynamologging.export;

import java.util.LinkedHashMap;

import io.github.dynamologging.config.DynamoLoggingEnvironmentPostProcessor;
import io.github.dynamologging.config.LoggingLevelProperties;
import io.github.dynamologging.filter.LogFilter;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Turns the OpenTelemetry exporter's own log lines off by default, below every other source. During an outage
 * the exporter writes a SEVERE line (an {@code ERROR} here, so the quiet-library {@code error} level of SPEC 3.3
 * lets it through) for up to five failed batches a minute and one a minute after that, each with a stack
 * trace; {@link ExportFailures} writes the one warning line a minute instead, with the cause, the endpoint and
 * the count. Any source above brings the exporter's lines back, e.g.
 * {@code DYN_LOG=info,io.opentelemetry.exporter=error}.
 */
public class ExporterLogDefaults implements EnvironmentPostProcessor, Ordered {

	/** The property source, last in the environment. */
	public static final String SOURCE_NAME = "dynamoExporterLogDefaults";

	/** The exporters' loggers (gRPC and HTTP exporters, their senders) and their default level. */
	static final LogFilter EXPORTER_LINES_OFF = LogFilter.parseStrict("io.opentelemetry.exporter=off");

	@Override
	public int getOrder() {
		// After the starter's own defaults, which this goes below.
		return DynamoLoggingEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		// Absent when the starter is off (dynamo.logging.enabled=false): then Boot's levels stay untouched.
		if (!sources.contains(DynamoLoggingEnvironmentPostProcessor.DEFAULTS_SOURCE_NAME)) {
			return;
		}
		sources.remove(SOURCE_NAME);
		sources.addAfter(DynamoLoggingEnvironmentPostProcessor.DEFAULTS_SOURCE_NAME,
				new MapPropertySource(SOURCE_NAME, new LinkedHashMap<>(LoggingLevelProperties.of(EXPORTER_LINES_OFF))));
	}

}
