package io.github.dynamologging.testing;

import java.util.stream.Stream;

import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.logging.logback.RollingPolicySystemProperty;

/**
 * The JVM system properties Spring Boot sets from {@code logging.*} when it initialises logging
 * ({@code FILE_LOG_STRUCTURED_FORMAT}, {@code LOG_FILE}, ...). Boot never removes them, so a test that
 * starts applications with different logging settings in one JVM clears them after each.
 */
public final class BootLoggingSystemProperties {

	private BootLoggingSystemProperties() {
	}

	public static void clear() {
		Stream.concat(Stream.of(LoggingSystemProperty.values()).map(LoggingSystemProperty::getEnvironmentVariableName),
				Stream.of(RollingPolicySystemProperty.values()).map(RollingPolicySystemProperty::getEnvironmentVariableName))
			.forEach(System::clearProperty);
	}

}
