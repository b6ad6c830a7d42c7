package io.github.dynamologging.output;

import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.format.ExtraFields;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OutputAutoConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutputAutoConfiguration.class));

	/** The fields went onto the encoders of this JVM's Logback context: take them off for the next tests. */
	@AfterEach
	void noExtraFields() {
		ExtraFieldsInstaller.install((LoggerContext) LoggerFactory.getILoggerFactory(), ExtraFields.NONE);
	}

	@Test
	void defaultsAreReadableOnStderrInUtcWithCallerData() {
		this.contextRunner.run((context) -> {
			OutputProperties properties = context.getBean(OutputProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getFormat()).isEqualTo(OutputFormat.READABLE);
			assertThat(properties.getOutput()).isEqualTo(OutputStreamName.STDERR);
			assertThat(properties.isLocalTime()).isFalse();
			assertThat(properties.isCallerData()).isTrue();
		});
	}

	@Test
	void propertiesBindInAnyCase() {
		this.contextRunner
			.withPropertyValues("dynamo.logging.format=JsonL", "dynamo.logging.output=stdout",
					"dynamo.logging.local-time=true", "dynamo.logging.caller-data=false")
			.run((context) -> {
				OutputProperties properties = context.getBean(OutputProperties.class);
				assertThat(properties.getFormat()).isEqualTo(OutputFormat.JSONL);
				assertThat(properties.getOutput()).isEqualTo(OutputStreamName.STDOUT);
				assertThat(properties.isLocalTime()).isTrue();
				assertThat(properties.isCallerData()).isFalse();
			});
	}

	@Test
	void anInvalidFormatFailsWithBootsBindingMessage() {
		this.contextRunner.withPropertyValues("dynamo.logging.format=xml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("xml"));
	}

	@Test
	void extraFieldsComeFromThePropertiesAndTheBeansAndArePutOnTheStartersEncoders() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ExtraFieldsInstaller.Installed.class).fields())
			.isEqualTo(ExtraFields.NONE));
		this.contextRunner.withPropertyValues("dynamo.logging.fields.pod=orders-7d9f", "dynamo.logging.fields.zone=b")
			.withBean("buildFields", LogLineFields.class, () -> () -> Map.of("build", "1.4.2", "zone", "a"))
			.run((context) -> {
				assertThat(context.getBean(OutputProperties.class).getFields()).containsEntry("pod", "orders-7d9f");
				assertThat(context.getBean(ExtraFieldsInstaller.Installed.class).fields().asMap())
					.isEqualTo(Map.of("pod", "orders-7d9f", "zone", "b", "build", "1.4.2"));
			});
	}

	@Test
	void aBadFieldNameFailsTheStartNamingThePropertyAndTheRule() {
		this.contextRunner.withPropertyValues("dynamo.logging.fields.level=high")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'dynamo.logging'")
				.rootCause()
				.hasMessageStartingWith("dynamo.logging.fields.level cannot be used: 'level' is a key the starter"
						+ " writes itself ("));
	}

	@Test
	void noExtraFieldsWhenTheStarterIsOff() {
		this.contextRunner.withPropertyValues("dynamo.logging.enabled=false", "dynamo.logging.fields.pod=p")
			.run((context) -> assertThat(context).doesNotHaveBean(ExtraFieldsInstaller.Installed.class));
	}

	@Test
	void callerDataSkipPackagesBind() {
		this.contextRunner.withPropertyValues("dynamo.logging.caller-data-skip-packages=com.example.logging,com.example.Log")
			.run((context) -> assertThat(context.getBean(OutputProperties.class).getCallerDataSkipPackages())
				.containsExactly("com.example.logging", "com.example.Log"));
	}

	@Test
	void asyncIsOffByDefaultWithItsDefaultsAndNoMetric() {
		this.contextRunner.run((context) -> {
			OutputProperties.Async async = context.getBean(OutputProperties.class).getAsync();
			assertThat(async.isEnabled()).isFalse();
			assertThat(async.getQueueSize()).isEqualTo(8192);
			assertThat(async.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(context).doesNotHaveBean(MeterBinder.class);
		});
	}

	@Test
	void asyncBindsFromRelaxedNamesAndRegistersTheDroppedMetric() {
		this.contextRunner
			.withPropertyValues("dynamo.logging.async.enabled=true", "dynamo.logging.async.queueSize=100",
					"dynamo.logging.async.shutdown-timeout=2s")
			.run((context) -> {
				OutputProperties.Async async = context.getBean(OutputProperties.class).getAsync();
				assertThat(async.isEnabled()).isTrue();
				assertThat(async.getQueueSize()).isEqualTo(100);
				assertThat(async.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
				MeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(MeterBinder.class).bindTo(registry);
				// No async console is installed on this JVM's Logback context by a context runner: nothing dropped.
				assertThat(registry.get(AsyncOutput.DROPPED_METRIC).functionCounter().count()).isZero();
			});
	}

	@Test
	void asyncWithoutMicrometerStartsWithoutTheMetric() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withPropertyValues("dynamo.logging.async.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("dynamoDroppedLinesMetric");
			});
	}

	@Test
	void anInvalidQueueSizeOrTimeoutFailsNamingThePropertyAndTheRule() {
		this.contextRunner.withPropertyValues("dynamo.logging.async.queue-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'dynamo.logging.async'")
				.rootCause()
				.hasMessage("the async queue must hold between 1 and 1073741824 lines, but is 0"));
		this.contextRunner.withPropertyValues("dynamo.logging.async.shutdown-timeout=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("the async shutdown timeout must be zero or positive, but is PT-1S"));
	}

}
