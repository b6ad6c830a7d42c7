package io.github.dynamologging.maven.corpus;

import io.github.dynamologging.maven.corpus.unprocessed.LibraryLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls whose argument's {@code toString()} logs again, from a rewritten class and from one that is not: each
 * nested line must keep its own caller, and the outer line its.
 */
public class NestedCalls implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(NestedCalls.class);

	@Override
	public void run() {
		log.info("outer with a rewritten inner {}", new SelfLogging());
		log.info("outer with a library inner, its own logger {}", new LibraryLogging(LibraryLogging.class.getName()));
		log.info("outer with a library inner, the same logger {}", new LibraryLogging(NestedCalls.class.getName()));
		log.atInfo().log("fluent outer with a library inner {}", new LibraryLogging(NestedCalls.class.getName()));
		log.atInfo().addArgument(new LibraryLogging(NestedCalls.class.getName())).log("fluent outer, argument added {}");
		log.info("outer with two levels {}", new Object() {
			@Override
			public String toString() {
				log.info("middle {}", new SelfLogging());
				return "two levels";
			}
		});
	}

	static final class SelfLogging {

		@Override
		public String toString() {
			log.info("inner, rewritten");
			return "self-logging";
		}

	}

}
