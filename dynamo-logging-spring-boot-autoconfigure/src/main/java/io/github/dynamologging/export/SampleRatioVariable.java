package io.github.dynamologging.export;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code OTEL_TRACES_SAMPLE_RATIO}, Dynamo's sampling ratio: a number in [0, 1] becomes Boot's parent-based
 * ratio sampler with that probability, whether spans are exported or not, so the sampled flag callers see is
 * the one the ratio decided. Anything else draws one warning and every trace stays sampled.
 * <p>
 * Precedence (docs/otlp-export.md): command-line arguments and system properties, then the standard
 * {@code OTEL_TRACES_SAMPLER}/{@code OTEL_TRACES_SAMPLER_ARG} (Boot maps those above every source), then this
 * variable, then {@code management.tracing.sampling.probability} in application.yml.
 */
final class SampleRatioVariable {

	static final String OTEL_TRACES_SAMPLE_RATIO = "OTEL_TRACES_SAMPLE_RATIO";

	static final String SAMPLER_PROPERTY = "management.opentelemetry.tracing.sampler";

	static final String PROBABILITY_PROPERTY = "management.tracing.sampling.probability";

	private SampleRatioVariable() {
	}

	static Map<String, Object> properties(Function<String, String> variables, Consumer<String> warnings) {
		String value = variables.apply(OTEL_TRACES_SAMPLE_RATIO);
		if (value == null || value.isBlank()) {
			return Map.of();
		}
		Double ratio = parse(value.trim());
		if (ratio == null) {
			warnings.accept(OTEL_TRACES_SAMPLE_RATIO + "='" + value + "' is not a sampling ratio; expected a number "
					+ "from 0 to 1 (e.g. 0.25 keeps a quarter of the traces); every trace stays sampled");
			return Map.of();
		}
		return Map.of(SAMPLER_PROPERTY, "parent-based-trace-id-ratio", PROBABILITY_PROPERTY, String.valueOf(ratio));
	}

	private static Double parse(String value) {
		try {
			double ratio = Double.parseDouble(value);
			// Also refuses NaN, and the hex and type-suffixed forms Java would accept.
			return (ratio >= 0 && ratio <= 1 && value.matches("[0-9.eE+-]+")) ? ratio : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
