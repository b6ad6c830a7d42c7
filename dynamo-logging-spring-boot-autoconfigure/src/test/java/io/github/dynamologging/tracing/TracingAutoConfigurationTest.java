package io.github.dynamologging.tracing;

import io.github.dynamologging.tracing.internal.SpanMdcListener;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TracingAutoConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class));

	@Test
	void replacesMicrometersMdcListenerWithDynamoKeys() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Slf4JEventListener.class);
			assertThat(context.getBean(Slf4JEventListener.class)).isInstanceOf(SpanMdcListener.class);
			assertThat(context).hasSingleBean(OtelTracer.class);
		});
	}

	@Test
	void givesHttpSpansDynamosNamesUnlessAskedForMicrometers() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DynamoSpanNames.class));
		this.contextRunner.withPropertyValues("dynamo.logging.tracing.span-names=dynamo")
			.run((context) -> assertThat(context).hasSingleBean(DynamoSpanNames.class));
		this.contextRunner.withPropertyValues("dynamo.logging.tracing.span-names=micrometer")
			.run((context) -> assertThat(context).doesNotHaveBean(DynamoSpanNames.class)
				.getBean(SpanNamesProperties.class)
				.extracting(SpanNamesProperties::getSpanNames)
				.isEqualTo(SpanNamesProperties.Naming.MICROMETER));
	}

	@Test
	void anMdcListenerOrSpanNamesOfTheUsersWin() {
		Slf4JEventListener users = new Slf4JEventListener();
		this.contextRunner.withBean("usersListener", Slf4JEventListener.class, () -> users)
			.run((context) -> assertThat(context).getBean(Slf4JEventListener.class).isSameAs(users));
		DynamoSpanNames usersNames = new DynamoSpanNames();
		this.contextRunner.withBean("usersNames", DynamoSpanNames.class, () -> usersNames)
			.run((context) -> assertThat(context).getBean(DynamoSpanNames.class).isSameAs(usersNames));
	}

	@Test
	void anUnknownSpanNamingFailsTheStartNamingTheProperty() {
		this.contextRunner.withPropertyValues("dynamo.logging.tracing.span-names=tempo")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tempo"));
	}

	@Test
	void wrapsThePropagatorsBootComposedInTheStrictW3cRules() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ContextPropagators.class).getTextMapPropagator())
			.isInstanceOf(StrictTraceContextPropagator.class)
			.extracting(TextMapPropagator::fields)
			.asInstanceOf(InstanceOfAssertFactories.collection(String.class))
			.contains("traceparent", "tracestate", "baggage"));
	}

	@Test
	void backsOffWithoutTheOpenTelemetryBridge() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(OtelTracer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpanMdcListener.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("dynamo.logging.enabled=false")
			.run((context) -> assertThat(context.getBean(Slf4JEventListener.class)).isNotInstanceOf(SpanMdcListener.class));
	}

}
