package io.github.dynamologging.tracing;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.dynamologging.tracing.internal.SpanNames;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import org.springframework.util.ClassUtils;

/**
 * Gives HTTP spans Dynamo's names when their observation stops, just before Micrometer Tracing names the
 * span from it: {@code http-request} for a server request, {@code client_request} for an outgoing call
 * (the names Dynamo's Tempo searches use). Micrometer's own name ({@code http get /hello}) stays on the
 * span as the attribute {@code micrometer.span_name}. Metrics are untouched: they use the observation's
 * name, not its contextual name.
 */
public class DynamoSpanNames implements ObservationFilter {

	/** The span attribute that keeps Micrometer's name. */
	public static final String MICROMETER_NAME_ATTRIBUTE = "micrometer.span_name";

	private static final List<Class<?>> SERVER_CONTEXTS = present(
			"org.springframework.http.server.observation.ServerRequestObservationContext",
			"org.springframework.http.server.reactive.observation.ServerRequestObservationContext");

	private static final List<Class<?>> CLIENT_CONTEXTS = present(
			"org.springframework.http.client.observation.ClientRequestObservationContext",
			"org.springframework.web.reactive.function.client.ClientRequestObservationContext");

	@Override
	public Observation.Context map(Observation.Context context) {
		String dynamoName = dynamoName(context);
		if (dynamoName != null) {
			String micrometerName = (context.getContextualName() != null) ? context.getContextualName()
					: context.getName();
			if (micrometerName != null) {
				context.addHighCardinalityKeyValue(KeyValue.of(MICROMETER_NAME_ATTRIBUTE, micrometerName));
			}
			context.setContextualName(dynamoName);
		}
		return context;
	}

	private static String dynamoName(Observation.Context context) {
		if (isAny(SERVER_CONTEXTS, context)) {
			return SpanNames.SERVER;
		}
		if (isAny(CLIENT_CONTEXTS, context)) {
			return SpanNames.CLIENT;
		}
		return null;
	}

	private static boolean isAny(List<Class<?>> types, Object context) {
		for (Class<?> type : types) {
			if (type.isInstance(context)) {
				return true;
			}
		}
		return false;
	}

	private static List<Class<?>> present(String... classNames) {
		ClassLoader loader = DynamoSpanNames.class.getClassLoader();
		return Stream.of(classNames)
			.map((name) -> ClassUtils.isPresent(name, loader) ? ClassUtils.resolveClassName(name, loader) : null)
			.filter(Objects::nonNull)
			.<Class<?>>map((type) -> type)
			.toList();
	}

}
