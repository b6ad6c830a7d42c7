package io.github.dynamologging.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;

/**
 * An output stream standing in for a console (as {@link #printStream()}, e.g. for {@code System.setErr}):
 * it keeps the bytes and can take {@code nanosPerWrite} for each write, like a pipe whose reader falls
 * behind. {@link #jsonLines()} parses every line strictly: a line that is not JSON fails the test.
 */
public final class CapturedJsonLines extends OutputStream {


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

	/** Everything written so far, as UTF-8 text (for the READABLE format). */
	public synchronized String text() {
		return this.bytes.toString(StandardCharsets.UTF_8);
	}

	/** Every line written so far, parsed strictly ({@link JsonLines#parse}). */
	public synchronized List<JsonNode> jsonLines() {
		return JsonLines.parse(this.bytes.toString(StandardCharsets.UTF_8));
	}

}
