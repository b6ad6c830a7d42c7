/**
 * Micrometer Tracing with the OpenTelemetry bridge as Dynamo writes traces: the trace keys of each line
 * and the span names. See {@code docs/requests-and-traces.md}.
 */
package io.github.dynamologging.tracing;
