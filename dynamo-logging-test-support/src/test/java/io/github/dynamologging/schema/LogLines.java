package io.github.dynamologging.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test lines built from one valid line, so that each variant breaks exactly the rule it is about.
 */
final class LogLines {

	/**
	 * Real Dynamo output, copied from shared/vectors/dynamo-jsonl-lines.jsonl into the test resources
	 * so that the tests need nothing outside this module.
	 */
	static final String DYNAMO_VECTORS_RESOURCE = "/vectors/dynamo-jsonl-lines.jsonl";

	/** The leading keys of a valid line, one {@code "key":value} member each, in order. */
	static final List<String> LEADING_MEMBERS = List.of("\"time\":\"2025-09-02T15:53:31.943377Z\"",
			"\"level\":\"INFO\"", "\"file\":\"com/example/web/OrderController.java\"", "\"line\":42",
			"\"target\":\"com.example.web.OrderController\"", "\"message\":\"hello\"");

	static final String VALID = line();

	private LogLines() {
	}

	/** A line of the leading members followed by the given members, as written. */
	static String line(String... moreMembers) {
		List<String> members = new ArrayList<>(LEADING_MEMBERS);
		members.addAll(List.of(moreMembers));
		return "{" + String.join(",", members) + "}";
	}

	/** The valid line without the member of the given key. */
	static String without(String... keys) {
		Set<String> prefixes = Set.of(keys).stream().map((key) -> "\"" + key + "\":").collect(Collectors.toSet());
		return "{" + LEADING_MEMBERS.stream()
			.filter((member) -> prefixes.stream().noneMatch(member::startsWith))
			.collect(Collectors.joining(",")) + "}";
	}

	/** The valid line with one leading member's value replaced. */
	static String replacing(String key, String jsonValue) {
		return "{" + LEADING_MEMBERS.stream()
			.map((member) -> member.startsWith("\"" + key + "\":") ? "\"" + key + "\":" + jsonValue : member)
			.collect(Collectors.joining(",")) + "}";
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			bytes.writeBytes(part);
		}
		return bytes.toByteArray();
	}

	static InputStream dynamoVectors() {
		InputStream in = LogLines.class.getResourceAsStream(DYNAMO_VECTORS_RESOURCE);
		if (in == null) {
			throw new IllegalStateException(DYNAMO_VECTORS_RESOURCE + " is missing from the test resources");
		}
		return in;
	}

	static List<String> dynamoVectorLines() {
		try (InputStream in = dynamoVectors()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
