package io.github.dynamologging.maven.corpus.unprocessed;

import org.slf4j.LoggerFactory;

/** Library code (never rewritten) whose {@code toString()} logs, with the logger name it is given. */
public final class LibraryLogging {

	private final String loggerName;

	public LibraryLogging(String loggerName) {
		this.loggerName = loggerName;
	}

	@Override
	public String toString() {
		LoggerFactory.getLogger(this.loggerName).info("inner, from a library");
		return "library-logging";
	}

}
