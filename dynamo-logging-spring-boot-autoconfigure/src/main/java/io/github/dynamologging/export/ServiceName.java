package io.github.dynamologging.export;

import java.util.Optional;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;

/**
 * The {@code service.name} spans and log records carry. Boot takes it from {@code OTEL_SERVICE_NAME}, the
 * resource attributes or {@code spring.application.name}; when none is set it falls back to
 * {@code unknown_service}, where a Dynamo fleet expects {@value #FALLBACK}.
 */
final class ServiceName {

	static final AttributeKey<String> KEY = AttributeKey.stringKey("service.name");

	static final String FALLBACK = "dynamo";

	private ServiceName() {
	}

	/** The name spans get: the resource's own, unless it is one of the SDK's or Boot's placeholders. */
	static String of(Resource resource) {
		String name = resource.getAttribute(KEY);
		// Boot's placeholder is "unknown_service", the SDK's "unknown_service:java".
		return (name == null || name.isBlank() || name.startsWith("unknown_service")) ? FALLBACK : name;
	}

	/** What to add to Boot's resource so both providers say {@value #FALLBACK}, if it has a placeholder. */
	static Optional<Resource> fallback(Resource resource) {
		if (resource == null || of(resource).equals(resource.getAttribute(KEY))) {
			return Optional.empty();
		}
		return Optional.of(Resource.builder().put(KEY, FALLBACK).build());
	}

}
