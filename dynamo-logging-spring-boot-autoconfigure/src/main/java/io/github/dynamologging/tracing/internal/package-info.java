/**
 * Tracing pieces the starter's other packages use: the default trace settings, the span names shown on
 * lines, and the listener that puts trace keys into the MDC.
 * Not API: may change in any release; see {@code docs/project-layout.md} ("Public API").
 */
package io.github.dynamologging.tracing.internal;
