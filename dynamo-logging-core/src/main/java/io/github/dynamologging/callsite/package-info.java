/**
 * The run-time side of build-time caller location: the bootstrap that links each SLF4J call the
 * {@code dynamo-logging-maven-plugin} rewrote, and the per-thread record of the calls in progress that the
 * starter's console reads instead of walking the stack. Plain Java, SLF4J and Logback, no Spring. How it is
 * used is in {@code docs/output.md} ("file / line").
 */
package io.github.dynamologging.callsite;
