package io.github.dynamologging.maven.corpus.unprocessed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A library's logging wrapper (never rewritten). */
public final class LibraryWrapper {

	private static final Logger log = LoggerFactory.getLogger(LibraryWrapper.class);

	public void info(String message) {
		log.info(message);
	}

}
