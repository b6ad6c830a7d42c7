/**
 * Span lifecycle lines ({@code SPAN_FIRST_ENTRY}, {@code SPAN_CLOSED}) with busy and idle times,
 * when {@code DYN_LOGGING_SPAN_EVENTS} is set. See {@code docs/requests-and-traces.md}.
 */
package io.github.dynamologging.spanevents;
