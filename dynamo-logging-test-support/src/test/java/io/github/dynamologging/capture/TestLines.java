package io.github.dynamologging.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Lines for the capture's tests: real Dynamo output, and valid lines made to order. */
final class TestLines {

	/** Seven lines real Dynamo components wrote (the schema tests use them too). */
	static final String DYNAMO_VECTORS_RESOURCE = "/vectors/dynamo-jsonl-lines.jsonl";

	private TestLines() {
	}

	static byte[] dynamoVectors() {
		try (InputStream in = TestLines.class.getResourceAsStream(DYNAMO_VECTORS_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(DYNAMO_VECTORS_RESOURCE + " is missing from the test resources");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A valid line with the given message and further members, which must come in UTF-8 key order, without
	 * its {@code \n}.
	 */
	static String line(String message, String... moreMembers) {
		StringBuilder line = new StringBuilder("{\"time\":\"2026-01-02T03:04:05.123456Z\",\"level\":\"INFO\","
				+ "\"file\":\"com/example/Greeter.java\",\"line\":7,\"target\":\"com.example.Greeter\",\"message\":\"")
			.append(message)
			.append('"');
		for (String member : moreMembers) {
			line.append(',').append(member);
		}
		return line.append('}').toString();
	}

}
