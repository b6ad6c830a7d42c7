package io.github.dynamologging.maven.corpus;

import java.util.List;

import io.github.dynamologging.maven.corpus.unprocessed.LibraryWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging through wrappers: the application's own (rewritten), a library's (not), and a method reference, which
 * the compiler turns into a call from a generated class that is never rewritten. The stack walk's answer for
 * each is the frame that calls SLF4J, and so is the plugin's.
 */
public class WrapperCalls implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(WrapperCalls.class);

	@Override
	public void run() {
		AuditLog audit = new AuditLog();
		audit.record("through the application's wrapper");
		new LibraryWrapper().info("through a library's wrapper");
		List.of("through a method reference").forEach(log::info);
	}

	static final class AuditLog {

		private static final Logger audit = LoggerFactory.getLogger("audit");

		void record(String what) {
			audit.info("audit: {}", what);
		}

	}

}
