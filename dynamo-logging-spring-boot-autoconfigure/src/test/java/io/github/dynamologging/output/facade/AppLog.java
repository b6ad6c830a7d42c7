package io.github.dynamologging.output.facade;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A logging facade of an application's own, as a team might write one: every line goes through it. */
public final class AppLog {

	private static final Logger log = LoggerFactory.getLogger("output.facade");

	private AppLog() {
	}

	public static void info(String message) {
		log.info(message);
	}

}
