package io.github.dynamologging.benchmarks;

import io.github.dynamologging.maven.RewritingLoader;
import org.slf4j.Logger;

/** Logging statements of an application, run by the call-site benchmarks as compiled or as the plugin rewrites them. */
public interface LoggingStatements {

	/** Logs {@code log.info("Order {} accepted", 42)} from {@code depth} frames below this call. */
	void infoAt(Logger log, int depth);

	/** Logs {@code log.debug("x {}", arg)}. */
	void debug(Logger log, Object arg);

	/**
	 * {@link ApplicationStatements} as compiled (its lines walk the stack for their caller) or rewritten as
	 * {@code dynamo-logging-maven-plugin} rewrites it in a build (its lines carry their caller).
	 */
	static LoggingStatements load(boolean rewritten) {
		if (!rewritten) {
			return new ApplicationStatements();
		}
		try {
			return (LoggingStatements) new RewritingLoader(ApplicationStatements.class).loadClass(
					ApplicationStatements.class.getName()).getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
