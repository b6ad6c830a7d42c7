/**
 * The filter string of {@code DYN_LOG}, the TOML file and the {@code dynlog} endpoint: its grammar,
 * its levels and how filters merge. Plain Java, no Spring. The grammar is in {@code docs/configuration.md}.
 */
package io.github.dynamologging.filter;
