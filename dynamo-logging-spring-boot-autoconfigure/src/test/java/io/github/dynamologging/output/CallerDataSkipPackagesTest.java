package io.github.dynamologging.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.format.internal.CallerLocator;
import io.github.dynamologging.output.facade.AppLog;
import io.github.dynamologging.testing.CapturedStderr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code dynamo.logging.caller-data-skip-packages} in real applications: a line logged through a logging facade
 * of the application's own reports the facade's caller, in Logback's framework packages too; without it, the
 * facade.
 */
class CallerDataSkipPackagesTest {

	private static final String FACADE = "io.github.dynamologging.output.facade";

	@RegisterExtension
	final CapturedStderr captured = new CapturedStderr();

	/** Logback's list outlives the application: take the facade out for the next tests. */
	@AfterEach
	void noSkippedPackages() {
		CallerDataSkipPackages.install((LoggerContext) LoggerFactory.getILoggerFactory(), List.of());
	}

	private ConfigurableApplicationContext start(String... properties) {
		List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.main.banner-mode=off", "--dynamo.logging.format=jsonl"));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(args::add);
		return new SpringApplicationBuilder(App.class).run(args.toArray(String[]::new));
	}

	private JsonNode line(String message) {
		return this.captured.lines()
			.jsonLines()
			.stream()
			.filter((line) -> message.equals(line.get("message").stringValue()))
			.findFirst()
			.orElseThrow();
	}

	private static int nextLine() {
		return StackWalker.getInstance().walk((frames) -> frames.skip(1).findFirst()).orElseThrow().getLineNumber() + 1;
	}

	@Test
	void aLineLoggedThroughASkippedFacadeReportsTheFacadesCaller() {
		try (ConfigurableApplicationContext context = start("dynamo.logging.caller-data-skip-packages=" + FACADE)) {
			int line = nextLine();
			AppLog.info("through the facade");
			JsonNode logged = line("through the facade");
			assertThat(logged.get("file").stringValue())
				.isEqualTo("io/github/dynamologging/output/CallerDataSkipPackagesTest.java");
			assertThat(logged.get("line").intValue()).isEqualTo(line);
			assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getFrameworkPackages()).contains(FACADE);
		}
	}

	@Test
	void withoutTheSettingTheFacadeIsTheCallerAndLogbacksListHasNoTraceOfAnEarlierStart() {
		try (ConfigurableApplicationContext context = start("dynamo.logging.caller-data-skip-packages=" + FACADE)) {
			assertThat(CallerLocator.getSkippedPackages()).contains(FACADE);
		}
		try (ConfigurableApplicationContext context = start()) {
			AppLog.info("through the facade, not skipped");
			assertThat(line("through the facade, not skipped").get("file").stringValue())
				.isEqualTo("io/github/dynamologging/output/facade/AppLog.java");
			assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getFrameworkPackages()).doesNotContain(FACADE);
			assertThat(CallerLocator.getSkippedPackages()).doesNotContain(FACADE);
		}
	}

	@Test
	void aNameThatIsNoJavaNameStopsTheStartNamingThePropertyAndTheFix() {
		assertThatException()
			.isThrownBy(() -> start("dynamo.logging.caller-data-skip-packages=com.example.logging,com/example/log"))
			.havingRootCause()
			.withMessage("dynamo.logging.caller-data-skip-packages holds 'com/example/log', which is not a Java package"
					+ " or class name; name the package of your logging facade, e.g. com.example.logging");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
