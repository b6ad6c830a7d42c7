package io.github.dynamologging.maven.corpus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A statement whose logging call throws (a TurboFilter that fails). */
public class ThrowingCall implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(ThrowingCall.class);

	@Override
	public void run() {
		log.info("turbo: throw");
	}

}
