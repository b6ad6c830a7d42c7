/**
 * Captures what an application logs to its console during a JUnit Jupiter test and reads it back as
 * checked JSONL lines: {@link io.github.dynamologging.capture.DynamoLogCapture} (the extension) and
 * {@link io.github.dynamologging.capture.CapturedLogLines} (the lines, with assertions). See
 * {@code docs/validation.md}.
 */
package io.github.dynamologging.capture;
