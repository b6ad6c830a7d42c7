/**
 * The JSON Schema of a JSONL line and a validator for captured logs (schema plus the rules a schema
 * cannot express: key order, duplicate keys, raw line separators). See {@code docs/validation.md}.
 */
package io.github.dynamologging.schema;
