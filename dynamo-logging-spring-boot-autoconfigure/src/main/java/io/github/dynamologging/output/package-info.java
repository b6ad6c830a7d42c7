/**
 * Spring glue that puts the line encoders on the console (synchronous or asynchronous) and on Boot's
 * log file. See {@code docs/output.md}.
 */
package io.github.dynamologging.output;
