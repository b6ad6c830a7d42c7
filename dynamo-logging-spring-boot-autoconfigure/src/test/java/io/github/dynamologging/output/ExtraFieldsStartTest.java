package io.github.dynamologging.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.format.ExtraFields;
import io.github.dynamologging.testing.CapturedStderr;
import io.github.dynamologging.testing.JsonLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Extra fields on every line of real applications: from {@code dynamo.logging.fields.*} from the first line
 * on, from {@link LogLineFields} beans once the context has them, on the console in both formats and in the
 * log file; a name the starter writes itself refused at start, naming the property or the bean and the rule.
 */
class ExtraFieldsStartTest {

	private static final String TARGET = "output.extra.fields";

	private static final Pattern READABLE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z [ A-Z]{5} (?<target>[^ ]+): (?<message>[^=]*?)(?<fields>( [a-z0-9._-]+=[^ ]+)*)");

	@TempDir
	Path dir;

	@RegisterExtension
	final CapturedStderr captured = new CapturedStderr();

	/** The fields stay on this JVM's console until the next start replaces it: take them off for the next tests. */
	@AfterEach
	void noExtraFields() {
		ExtraFieldsInstaller.install((LoggerContext) LoggerFactory.getILoggerFactory(), ExtraFields.NONE);
	}

	private ConfigurableApplicationContext start(Class<?> app, String... properties) {
		List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.main.banner-mode=off"));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(args::add);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(app).run(args.toArray(String[]::new));
		LoggerFactory.getLogger(TARGET).info("hello");
		return context;
	}

	private List<JsonNode> jsonLines() {
		return this.captured.lines().jsonLines();
	}

	private JsonNode hello() {
		return jsonLines().stream()
			.filter((line) -> TARGET.equals(line.get("target").stringValue()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void thePropertiesFieldsAreOnEveryLineFromTheFirstAndTheBeansFieldsOnceTheContextHasThem() {
		try (ConfigurableApplicationContext context = start(WithRegionBean.class, "dynamo.logging.format=jsonl",
				"dynamo.logging.fields.pod=orders-7d9f", "dynamo.logging.fields.[k8s.zone]=eu-1b")) {
			List<JsonNode> lines = jsonLines();
			assertThat(lines).hasSizeGreaterThan(2)
				.allSatisfy((line) -> assertThat(line.get("pod").stringValue()).isEqualTo("orders-7d9f"))
				.allSatisfy((line) -> assertThat(line.get("k8s.zone").stringValue()).isEqualTo("eu-1b"));
			assertThat(hello().get("region").stringValue()).isEqualTo("eu-west");
			assertThat(hello().get("build").stringValue()).isEqualTo("1.4.2");
			JsonNode started = lines.stream()
				.filter((line) -> line.get("message").stringValue().startsWith("Started "))
				.findFirst()
				.orElseThrow();
			assertThat(started.get("region").stringValue()).isEqualTo("eu-west");
			assertThat(context.getBean(ExtraFieldsInstaller.Installed.class).fields().asMap())
				.containsOnlyKeys("pod", "k8s.zone", "region", "build");
		}
	}

	@Test
	void aPropertyWinsOverABeanForTheSameName() {
		try (ConfigurableApplicationContext context = start(WithRegionBean.class, "dynamo.logging.format=jsonl",
				"dynamo.logging.fields.region=us-east")) {
			assertThat(hello().get("region").stringValue()).isEqualTo("us-east");
			assertThat(hello().get("build").stringValue()).isEqualTo("1.4.2");
		}
	}

	@Test
	void readableLinesCarryThemAsKeyValues() {
		try (ConfigurableApplicationContext context = start(WithRegionBean.class, "dynamo.logging.format=readable",
				"dynamo.logging.fields.pod=orders-7d9f")) {
			String hello = this.captured.lines()
				.text()
				.lines()
				.filter((line) -> line.contains(" " + TARGET + ": "))
				.findFirst()
				.orElseThrow();
			Matcher line = READABLE.matcher(hello);
			assertThat(line.matches()).as(hello).isTrue();
			assertThat(line.group("message")).isEqualTo("hello");
			assertThat(line.group("fields")).isEqualTo(" build=\"1.4.2\" pod=\"orders-7d9f\" region=\"eu-west\"");
		}
	}

	@Test
	void theLogFileCarriesThemToo() throws Exception {
		Path file = this.dir.resolve("app.log");
		try (ConfigurableApplicationContext context = start(WithRegionBean.class, "dynamo.logging.format=readable",
				"dynamo.logging.file-format=jsonl", "logging.file.name=" + file, "dynamo.logging.fields.pod=p1")) {
			List<JsonNode> lines = JsonLines.parse(Files.readString(file));
			assertThat(lines).allSatisfy((line) -> assertThat(line.get("pod").stringValue()).isEqualTo("p1"));
			JsonNode hello = lines.stream()
				.filter((line) -> TARGET.equals(line.get("target").stringValue()))
				.findFirst()
				.orElseThrow();
			assertThat(hello.get("region").stringValue()).isEqualTo("eu-west");
		}
	}

	@Test
	void aPropertyNamingAKeyOfTheStartersStopsTheStartNamingThePropertyAndTheRule() {
		assertThatException()
			.isThrownBy(() -> start(App.class, "dynamo.logging.format=jsonl", "dynamo.logging.fields.time=noon"))
			.withStackTraceContaining("Failed to bind properties under 'dynamo.logging'");
		List<String> analyses = jsonLines().stream()
			.filter((line) -> "ERROR".equals(line.get("level").stringValue()))
			.map((line) -> line.get("message").stringValue())
			.filter((message) -> message.contains("APPLICATION FAILED TO START"))
			.toList();
		assertThat(analyses).singleElement()
			.asString()
			.contains("dynamo.logging.fields.time cannot be used: 'time' is a key the starter writes itself (")
			.contains("give the field another name");
	}

	@Test
	void aBeanNamingAKeyOfTheStartersStopsTheStartNamingTheBeanAndTheRule() {
		assertThatException().isThrownBy(() -> start(WithBadBean.class, "dynamo.logging.format=jsonl"))
			.withRootCauseInstanceOf(IllegalArgumentException.class)
			.havingRootCause()
			.withMessageStartingWith("The LogLineFields bean 'traceFields' gives the field 'trace_id', which cannot"
					+ " be used: 'trace_id' is a key the starter writes itself (");
	}

	@Test
	void twoBeansGivingTheSameFieldStopTheStartNamingBoth() {
		assertThatException().isThrownBy(() -> start(WithTwoRegions.class, "dynamo.logging.format=jsonl"))
			.havingRootCause()
			.withMessageStartingWith("The LogLineFields beans '")
			.withMessageContaining("'regionFields'")
			.withMessageContaining("'otherRegion'")
			.withMessageEndingWith("both give the field 'region'; a line has each key once, so give it in one of them");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	static class RegionFields {

		@Bean
		LogLineFields regionFields() {
			return () -> Map.of("region", "eu-west", "build", "1.4.2");
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(RegionFields.class)
	static class WithRegionBean {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(RegionFields.class)
	static class WithTwoRegions {

		@Bean
		LogLineFields otherRegion() {
			return () -> Map.of("region", "us-east");
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WithBadBean {

		@Bean
		LogLineFields traceFields() {
			return () -> Map.of("trace_id", "0af7651916cd43dd8448eb211c80319c");
		}

	}

}
