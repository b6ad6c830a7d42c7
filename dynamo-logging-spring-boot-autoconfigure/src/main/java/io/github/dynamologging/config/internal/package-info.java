/**
 * Configuration pieces the starter's other packages use: the TOML file, its bytes and errors, truthy
 * values, the configuration log, and the contribution a feature makes to the {@code DYN_*} mapping.
 * Not API: may change in any release; see {@code docs/project-layout.md} ("Public API").
 */
package io.github.dynamologging.config.internal;
