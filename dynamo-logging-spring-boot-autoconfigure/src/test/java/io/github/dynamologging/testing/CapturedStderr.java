package io.github.dynamologging.testing;

import java.io.PrintStream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@code System.err} at a {@link CapturedJsonLines} for each test and back afterwards, and clears
 * the system properties Spring Boot's logging set meanwhile, for tests that start real applications:
 * {@code @RegisterExtension final CapturedStderr stderr = new CapturedStderr();}.
 */
public final class CapturedStderr implements BeforeEachCallback, AfterEachCallback {

	private final CapturedJsonLines lines = new CapturedJsonLines(0);

	private PrintStream original;

	/** What the current test wrote to stderr (the same object for every test, cleared before each). */
	public CapturedJsonLines lines() {
		return this.lines;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.original = System.err;
		this.lines.clear();
		System.setErr(this.lines.printStream());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		System.setErr(this.original);
		BootLoggingSystemProperties.clear();
	}

}
