package io.github.dynamologging.tracing.internal;

import io.opentelemetry.sdk.trace.ReadableSpan;

/**
 * The name a line shows for a span. Micrometer names HTTP spans only when they stop (the route is known
 * then); until then OpenTelemetry holds a placeholder. Lines written meanwhile get Dynamo's name for such
 * a span, which is also the name it is exported with by default ({@link io.github.dynamologging.tracing.DynamoSpanNames}):
 * {@code http-request} for the server side and {@code client_request} for an outgoing call.
 *
 * Not API: may change in any release.
 */
public final class SpanNames {

	/** OpenTelemetry's name for a span built without one. */
	public static final String UNNAMED = "<unspecified span name>";

	/** Dynamo's name for the span of a server request. */
	public static final String SERVER = "http-request";

	/** Dynamo's name for the span of an outgoing HTTP call. */
	public static final String CLIENT = "client_request";

	private SpanNames() {
	}

	public static String shown(ReadableSpan span) {
		String name = span.getName();
		if (!UNNAMED.equals(name)) {
			return name;
		}
		return switch (span.getKind()) {
			case SERVER -> SERVER;
			case CLIENT -> CLIENT;
			default -> name;
		};
	}

}
