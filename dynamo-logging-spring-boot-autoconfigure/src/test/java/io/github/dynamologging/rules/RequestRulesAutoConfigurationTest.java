package io.github.dynamologging.rules;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRulesAutoConfigurationTest {

	private static final String KEY = "dynamo.logging.request-rules.key=0123456789abcdef0123456789abcdef";

	private final AutoConfigurations configuration = AutoConfigurations.of(RequestRulesAutoConfiguration.class);

	@Test
	void servletApplicationDecidesEachRequestRightAfterTheRequestId() {
		new WebApplicationContextRunner().withConfiguration(this.configuration).run((context) -> {
			assertThat(context).hasSingleBean(RequestRules.class).doesNotHaveBean(RequestRuleHttpHandlerDecorator.class);
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(RequestRuleServletFilter.class);
			assertThat(registration.getOrder()).isEqualTo(Integer.MIN_VALUE + 1);
		});
	}

	@Test
	void reactiveApplicationGetsTheHandlerDecorator() {
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configuration)
			.run((context) -> assertThat(context).hasSingleBean(RequestRuleHttpHandlerDecorator.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void requestRulesOfTheUsersWin() {
		RequestRules users = RequestRules.local((LoggerContext) LoggerFactory.getILoggerFactory(), 1,
				LoggerFactory.getLogger("dynamo.logging.audit"));
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withBean("usersRules", RequestRules.class, () -> users)
			.run((context) -> assertThat(context).getBean(RequestRules.class).isSameAs(users));
	}

	@Test
	void withoutAKeyNoClientPassesRulesOn() {
		new ApplicationContextRunner().withConfiguration(this.configuration)
			.run((context) -> assertThat(context).hasSingleBean(RequestRules.class)
				.doesNotHaveBean(RestClientCustomizer.class)
				.doesNotHaveBean(RestTemplateCustomizer.class)
				.doesNotHaveBean(WebClientCustomizer.class));
	}

	@Test
	void withAKeyEveryClientPassesRulesOn() {
		new ApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues(KEY)
			.run((context) -> assertThat(context).hasSingleBean(RestClientCustomizer.class)
				.hasSingleBean(RestTemplateCustomizer.class)
				.hasSingleBean(WebClientCustomizer.class));
	}

	@Test
	void shortKeyStopsTheStartNamingThePropertyAndTheRule() {
		new ApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.request-rules.key=secret")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("dynamo.logging.request-rules.key is 6 characters long; a key needs at least 32 "
						+ "(e.g. the output of 'openssl rand -base64 32'), the same on every service"));
	}

	@Test
	void capBelowOneStopsTheStart() {
		new ApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.request-rules.max-requests-per-second=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("max-requests-per-second must be at least 1, but is 0"));
	}

	@Test
	void turnedOffWithTheStarter() {
		new ApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestRules.class));
	}

	@Test
	void turnedOffWithTheDynlogSwitchEvenWithAKey() {
		new WebApplicationContextRunner().withConfiguration(this.configuration)
			.withPropertyValues("dynamo.logging.dynlog.enabled=false", KEY)
			.run((context) -> assertThat(context).doesNotHaveBean(RequestRules.class)
				.doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(RestClientCustomizer.class));
	}

}
