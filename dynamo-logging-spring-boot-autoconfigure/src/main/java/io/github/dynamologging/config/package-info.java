/**
 * Configuration sources: Dynamo's {@code DYN_*} environment variables and TOML logging file mapped onto
 * Spring's {@code Environment}, with their precedence and the failure analysis of a bad file.
 * The rules are in {@code docs/configuration.md}.
 */
package io.github.dynamologging.config;
