package io.github.dynamologging.request;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdAutoConfigurationTest {

	private final AutoConfigurations configuration = AutoConfigurations.of(RequestIdAutoConfiguration.class);

	@Test
	void servletApplicationGetsTheFilterOnRequestAsyncAndErrorDispatches() {
		new WebApplicationContextRunner().withConfiguration(this.configuration).run((context) -> {
			assertThat(context).hasSingleBean(FilterRegistrationBean.class)
				.doesNotHaveBean(RequestIdHttpHandlerDecorator.class);
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(RequestIdServletFilter.class);
			assertThat(registration.getOrder()).isEqualTo(Integer.MIN_VALUE);
			assertThat(context).hasSingleBean(RequestIdCleanupListener.class);
		});
	}

	@Test
	void reactiveApplicationGetsTheHandlerDecorator() {
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configuration)
			.run((context) -> assertThat(context).hasSingleBean(RequestIdHttpHandlerDecorator.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void theAccessLineCanBeSwitchedOff() {
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configuration)
			.run((context) -> assertThat(context).hasSingleBean(ServerObservationCapture.class)
				.getBean(RequestIdHttpHandlerDecorator.class)
				.extracting("accessLog")
				.isNotNull());
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.request.access-log=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerObservationCapture.class)
				.getBean(RequestIdHttpHandlerDecorator.class)
				.extracting("accessLog")
				.isNull());
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.request.access-log=false")
			.run((context) -> assertThat(context).getBean(RequestIdCleanupListener.class)
				.extracting("accessLog")
				.isNull());
	}

	@Test
	void nonWebApplicationGetsNeitherButItsClientsStillSendTheId() {
		new ApplicationContextRunner().withConfiguration(this.configuration).run((context) -> {
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(RequestIdHttpHandlerDecorator.class);
			assertThat(context).hasSingleBean(RestClientCustomizer.class)
				.hasSingleBean(RestTemplateCustomizer.class)
				.hasSingleBean(WebClientCustomizer.class)
				.hasSingleBean(ContextPropagatingTaskDecorator.class);
		});
	}

	@Test
	void noWebClientCustomizerWithoutWebClient() {
		new ApplicationContextRunner().withConfiguration(this.configuration)
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(WebClientCustomizer.class)
				.hasSingleBean(RestClientCustomizer.class));
	}

	@Test
	void aTaskDecoratorOfTheUsersWins() {
		new ApplicationContextRunner().withConfiguration(this.configuration)
			.withBean("userDecorator", org.springframework.core.task.TaskDecorator.class, () -> (runnable) -> runnable)
			.run((context) -> assertThat(context).doesNotHaveBean(ContextPropagatingTaskDecorator.class));
	}

	@Test
	void disabledStarterAddsNothing() {
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(RestClientCustomizer.class));
	}

}
