package io.github.dynamologging.config;

import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Fails the start with the broken-TOML-file error that {@link DynamoLoggingEnvironmentPostProcessor}
 * recorded, once logging is set up. Thrown from the post-processor, Boot's failure analysis would go to
 * Logback's unconfigured default (stdout, its own format, DEBUG noise) instead of the configured output.
 */
class DeferredConfigFileFailureListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/**
	 * After {@link LoggingApplicationListener}, and after a listener at its order + 1 that swaps in the
	 * Dynamo console output.
	 */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 2;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		InvalidLoggingConfigFileException failure = event.getBootstrapContext()
			.getOrElse(InvalidLoggingConfigFileException.class, null);
		if (failure != null) {
			throw failure;
		}
	}

}
