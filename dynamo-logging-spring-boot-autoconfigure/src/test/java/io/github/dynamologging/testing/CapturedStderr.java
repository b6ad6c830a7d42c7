package io.github.dynamologging.testing;

import java.io.PrintStream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts {@link CapturedJsonLines} in place of {@code System.err} for each test, and the real one back after
 * (a JUnit extension: register it as a field).
 */
public final class CapturedStderr implements BeforeEachCallback, AfterEachCallback {

	private final CapturedJsonLines lines = new CapturedJsonLines(0);

	private PrintStream original;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.original = System.err;
		this.lines.clear();
		System.setErr(this.lines.printStream());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		System.setErr(this.original);
	}

	/** What was written. */
	public CapturedJsonLines lines() {
		return this.lines;
	}

}
