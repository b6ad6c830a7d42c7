/**
 * The two line formats, JSONL and READABLE, as Logback encoders, and the caller lookup they use.
 * Plain Logback, no Spring. The formats are in {@code docs/output.md}.
 */
package io.github.dynamologging.format;
