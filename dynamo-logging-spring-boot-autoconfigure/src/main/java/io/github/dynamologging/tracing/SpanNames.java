package io.github.dynamologging.tracing;

import io.opentelemetry.sdk.trace.ReadableSpan;

/**
 * The name a line shows for a span. Micrometer names HTTP spans only when they stop (the route is known
 * then); until then OpenTelemetry holds a placeholder. Lines written meanwhile get Dynamo's name for such
 * a span: {@code http-request} for the server side (what Dynamo's frontend calls it, so the same log
 * queries work) and {@code http-client-request} for an outgoing call.
 */
public final class SpanNames {

	/** OpenTelemetry's name for a span built without one. */
	public static final String UNNAMED = "<unspecified span name>";

	private SpanNames() {
	}

	public static String shown(ReadableSpan span) {
		String name = span.getName();
		if (!UNNAMED.equals(name)) {
			return name;
		}
		return switch (span.getKind()) {
			case SERVER -> "http-request";
			case CLIENT -> "http-client-request";
			default -> name;
		};
	}

}
