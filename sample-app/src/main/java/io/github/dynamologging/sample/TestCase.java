package io.github.dynamologging.sample;

import tools.jackson.databind.JsonNode;

/** One entry of a W3C trace-context test-suite request: POST {@code arguments} to {@code url}. */
record TestCase(String url, JsonNode arguments) {
}
