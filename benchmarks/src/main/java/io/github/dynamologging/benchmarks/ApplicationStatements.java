package io.github.dynamologging.benchmarks;

import org.slf4j.Logger;

/** The statements, in a class of their own so that they can be loaded rewritten beside the compiled ones. */
public final class ApplicationStatements implements LoggingStatements {

	@Override
	public void infoAt(Logger log, int depth) {
		if (depth > 0) {
			infoAt(log, depth - 1);
			return;
		}
		log.info("Order {} accepted", 42);
	}

	@Override
	public void debug(Logger log, Object arg) {
		log.debug("x {}", arg);
	}

}
