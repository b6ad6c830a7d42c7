package io.github.dynamologging.maven.corpus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Statements whose level is off, some of which a TurboFilter lets through, with each call shape. */
public class TurboFilteredCalls implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(TurboFilteredCalls.class);

	@Override
	public void run() {
		log.debug("turbo: off");
		log.debug("turbo: accepted {}", 1);
		log.trace("turbo: accepted {} {}", 1, 2);
		log.info("turbo: on");
		log.info("turbo: denied");
		// decided by atDebug(), which asks the filters without a message: off
		log.atDebug().log("turbo: accepted, fluent");
		log.atDebug().log("turbo: off, fluent");
	}

}
