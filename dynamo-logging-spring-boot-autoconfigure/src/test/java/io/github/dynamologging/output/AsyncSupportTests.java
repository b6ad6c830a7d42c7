package io.github.dynamologging.output;

import java.util.List;

import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which logstash-logback-encoder can run the async console. */
class AsyncSupportTests {

	private static final String NEEDS = "dynamo.logging.async.enabled=true needs "
			+ "net.logstash.logback:logstash-logback-encoder 7.0 or later, and ";

	private static final String WHAT_STILL_WORKS = "; the console is written on the logging thread instead, and "
			+ "everything else works as configured (only the async console needs that library); to queue the "
			+ "console, use version 7.0 or later (the starter brings 9.0)";

	@ParameterizedTest
	@ValueSource(strings = { "6.6", "6.0", "5.3", "6.99.1", "6" })
	void versionsBefore7AreTooOld(String version) {
		assertThat(AsyncSupport.isOlderThanSupported(version)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "7.0", "7", "7.0.1", "7.4", "8.0", "8.1", "9.0", "10.0-SNAPSHOT", "unknown" })
	void versionsFrom7OnAndUnreadableOnesAreNot(String version) {
		assertThat(AsyncSupport.isOlderThanSupported(version)).isFalse();
	}

	@Test
	void anOldVersionIsNamedWithWhatIsNeededAndWhatStillWorks() {
		assertThat(AsyncSupport.problem(true, "6.6", List.of()))
			.isEqualTo(NEEDS + "version 6.6 is on the classpath" + WHAT_STILL_WORKS);
	}

	@Test
	void anAbsentLibraryIsSaid() {
		assertThat(AsyncSupport.problem(false, null, List.of()))
			.isEqualTo(NEEDS + "it is not on the classpath" + WHAT_STILL_WORKS);
	}

	@Test
	void aVersionThatCannotBeReadIsJudgedByTheMethodsTheConsoleUses() {
		assertThat(AsyncSupport.problem(true, null, List.of())).isNull();
		assertThat(AsyncSupport.problem(true, null, List.of("isRingBufferEmpty", "setShutdownGracePeriod")))
			.isEqualTo(NEEDS + "the version on the classpath (of unknown version) lacks isRingBufferEmpty, "
					+ "setShutdownGracePeriod" + WHAT_STILL_WORKS);
		assertThat(AsyncSupport.problem(true, "10.0", List.of("isRingBufferEmpty"))).contains("(10.0) lacks");
	}

	@Test
	void supportedVersionsAreFine() {
		assertThat(AsyncSupport.problem(true, "7.0", List.of())).isNull();
		assertThat(AsyncSupport.problem(true, "8.1", List.of())).isNull();
	}

	@Test
	void theLibraryOnTheClasspathHasEverythingTheConsoleUses() {
		assertThat(AsyncSupport.missingMethods(LoggingEventAsyncDisruptorAppender.class)).isEmpty();
		assertThat(AsyncSupport.problem(getClass().getClassLoader())).isNull();
	}

	@Test
	void aClassWithoutTheRingBufferApiLacksIt() {
		assertThat(AsyncSupport.missingMethods(ch.qos.logback.core.AsyncAppenderBase.class))
			.contains("setRingBufferSize", "isRingBufferEmpty", "fireEventAppended");
	}

	@Test
	void aClassLoaderWithoutTheLibrarySaysItIsMissing() {
		ClassLoader withoutLogstash = new ClassLoader(null) {
		};
		assertThat(AsyncSupport.problem(withoutLogstash)).isEqualTo(NEEDS + "it is not on the classpath"
				+ WHAT_STILL_WORKS);
	}

}
