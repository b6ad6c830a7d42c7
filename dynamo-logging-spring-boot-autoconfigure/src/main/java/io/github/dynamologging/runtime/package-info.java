/**
 * Runtime control: the {@code dynlog} actuator endpoint (atomic, expiring, audited level changes) and
 * the watcher that re-reads the TOML file. See {@code docs/runtime-control.md}.
 */
package io.github.dynamologging.runtime;
