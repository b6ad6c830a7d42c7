package io.github.dynamologging.maven.corpus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The fluent API: each {@code log} overload, chains over several lines, disabled builders. */
public class FluentCalls implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(FluentCalls.class);

	@Override
	public void run() {
		log.atInfo().log("fluent, message only");
		log.atInfo().log("fluent, one argument {}", 1);
		log.atInfo().log("fluent, two arguments {} {}", 1, 2);
		log.atInfo().log("fluent, varargs {} {} {}", 1, 2, 3);
		log.atInfo().log(() -> "fluent, a supplier");
		log.atInfo().setMessage("fluent, set message").addKeyValue("n", 3).log();
		log.atWarn()
			.addKeyValue("k", "v")
			.setCause(new IllegalStateException("boom"))
			.log("fluent, a chain over lines");
		log.atLevel(Level.ERROR).log("fluent, atLevel");
		log.atDebug().log("fluent debug is off");
		log.atTrace().log(() -> "fluent trace is off");
	}

}
