package io.github.dynamologging.testing;

import java.util.Arrays;
import java.util.List;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading captured JSONL back the way every test must: whole lines only, each strictly parsed. */
public final class JsonLines {

	/**
	 * Refuses duplicate keys (docs/output.md: no key twice); allows the huge keys and values hostile input puts
	 * in a line, which Jackson's default read limits would refuse.
	 */
	public static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNameLength(Integer.MAX_VALUE)
			.maxStringLength(Integer.MAX_VALUE)
			.build())
		.build()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private JsonLines() {
	}

	/** The output split at {@code \n}; a non-empty output must end with one (no torn last line). */
	public static List<String> split(String output) {
		if (output.isEmpty()) {
			return List.of();
		}
		if (!output.endsWith("\n")) {
			throw new AssertionError("output does not end with a newline: " + output);
		}
		return Arrays.asList(output.substring(0, output.length() - 1).split("\n", -1));
	}

	/** Every line of the output parsed with {@link #STRICT}; a line that is not JSON fails with its text. */
	public static List<JsonNode> parse(String output) {
		return split(output).stream().map(JsonLines::parseLine).toList();
	}

	private static JsonNode parseLine(String line) {
		try {
			return STRICT.readTree(line);
		}
		catch (RuntimeException ex) {
			throw new AssertionError("not a JSON line: " + line, ex);
		}
	}

}
