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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
	void theRequestSwitchIsOnByDefaultAndTurnsEveryAdapterOff() {
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.request.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(FilterRegistrationBean.class)
				.hasSingleBean(RequestIdGenerator.class)
				.hasSingleBean(RestClientCustomizer.class));
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.request.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(RequestIdCleanupListener.class)
				.doesNotHaveBean(RequestIdGenerator.class)
				.doesNotHaveBean(RestClientCustomizer.class)
				.doesNotHaveBean(RestTemplateCustomizer.class)
				.doesNotHaveBean(WebClientCustomizer.class)
				.doesNotHaveBean(ContextPropagatingTaskDecorator.class)
				.doesNotHaveBean(RequestLoggingProperties.class));
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.request.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdHttpHandlerDecorator.class)
				.doesNotHaveBean(ServerObservationCapture.class));
	}

	@Test
	void theDefaultGeneratorMakesRandomUuids() {
		new ApplicationContextRunner().withConfiguration(this.configuration)
			.run((context) -> assertThat(context.getBean(RequestIdGenerator.class))
				.isSameAs(RequestIdGenerator.randomUuid()));
	}

	/** That the filter and the decorator use it: RequestIdGeneratorIntegrationTest, on real servers. */
	@Test
	void aRequestIdGeneratorOfTheUsersWins() {
		RequestIdGenerator users = () -> "from-the-user";
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withBean("usersGenerator", RequestIdGenerator.class, () -> users)
			.run((context) -> assertThat(context).hasSingleBean(FilterRegistrationBean.class)
				.getBean(RequestIdGenerator.class)
				.isSameAs(users));
	}

	@Test
	void aRequestIdFilterOfTheUsersWinsRegisteredOrNot() {
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withBean("usersFilter", RequestIdServletFilter.class, RequestIdServletFilter::new)
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.hasSingleBean(RequestIdServletFilter.class)
				.hasSingleBean(RequestIdCleanupListener.class));
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withUserConfiguration(UsersRegistration.class)
			.run((context) -> assertThat(context).getBean(FilterRegistrationBean.class)
				.isSameAs(context.getBean("usersRegistration")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UsersRegistration {

		@Bean
		FilterRegistrationBean<RequestIdServletFilter> usersRegistration() {
			return new FilterRegistrationBean<>(new RequestIdServletFilter());
		}

	}

	@Test
	void aHandlerDecoratorOfTheUsersWins() {
		RequestIdHttpHandlerDecorator users = new RequestIdHttpHandlerDecorator();
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configuration)
			.withBean("usersDecorator", RequestIdHttpHandlerDecorator.class, () -> users)
			.run((context) -> assertThat(context).getBean(RequestIdHttpHandlerDecorator.class).isSameAs(users));
	}

	@Test
	void disabledStarterAddsNothing() {
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(RestClientCustomizer.class));
	}

}
