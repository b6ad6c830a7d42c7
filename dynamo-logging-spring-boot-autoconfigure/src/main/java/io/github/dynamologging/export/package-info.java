/**
 * OTLP export: Dynamo's {@code OTEL_*} variables onto Spring Boot's OpenTelemetry export, counted drops
 * and a bounded flush at shutdown. The rules are in {@code docs/otlp-export.md}.
 */
package io.github.dynamologging.export;
