package io.github.dynamologging.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An output stream standing in for a console (as {@link #printStream()}, e.g. for {@code System.setErr}):
 * it keeps the bytes and can take {@code nanosPerWrite} for each write, like a pipe whose reader falls
 * behind. {@link #jsonLines()} parses every line strictly: a line that is not JSON fails the test.
 */
public final class CapturedJsonLines extends OutputStream {

	/** Refuses duplicate keys; allows the huge values a hostile input puts in a message. */
	private static final JsonMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
		.build()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final long nanosPerWrite;

	public CapturedJsonLines(long nanosPerWrite) {
		this.nanosPerWrite = nanosPerWrite;
	}

	public PrintStream printStream() {
		return new PrintStream(this, true, StandardCharsets.UTF_8);
	}

	@Override
	public synchronized void write(int b) {
		this.bytes.write(b);
	}

	@Override
	public synchronized void write(byte[] b, int off, int len) {
		this.bytes.write(b, off, len);
		if (this.nanosPerWrite > 0) {
			LockSupport.parkNanos(this.nanosPerWrite);
		}
	}

	public synchronized void clear() {
		this.bytes.reset();
	}

	/** Every line written so far, parsed; the output must end with a newline. */
	public synchronized List<JsonNode> jsonLines() {
		String text = this.bytes.toString(StandardCharsets.UTF_8);
		if (text.isEmpty()) {
			return List.of();
		}
		if (!text.endsWith("\n")) {
			throw new AssertionError("output does not end with a newline: " + text);
		}
		return Arrays.stream(text.substring(0, text.length() - 1).split("\n", -1)).map((line) -> {
			try {
				return STRICT_JSON.readTree(line);
			}
			catch (RuntimeException ex) {
				throw new AssertionError("not a JSON line: " + line, ex);
			}
		}).toList();
	}

}
