package io.github.dynamologging.output;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in the surefire execution {@code logstash-oldest-test}, whose classpath has the oldest logstash-logback-encoder
 * the async console supports in place of the one the starter brings; that execution also runs
 * {@link AsyncConsoleAppenderTest}, {@link AsyncSupportTests} and {@link ConsoleOutputInstallerTest} on it.
 */
@Tag("logstash-oldest")
class OlderLogstashEncoderTest {

	@Test
	void theClasspathHasTheOldestSupportedVersionAndItCanRunTheAsyncConsole() {
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(AsyncSupport.version(classLoader)).isEqualTo(AsyncSupport.OLDEST_SUPPORTED);
		assertThat(AsyncSupport.problem(classLoader)).isNull();
	}

}
