package io.github.dynamologging.rules;

import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import jakarta.servlet.DispatcherType;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.server.PathContainer;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Per-request log rules (docs/runtime-control.md), with Spring Web on the classpath: the registry the {@code dynlog} endpoint adds rules
 * to, the adapter that decides each request of the web stack in use, and, with
 * {@code dynamo.logging.request-rules.key}, the HTTP client adapters that pass a decision on. Part of runtime
 * control: {@code dynamo.logging.dynlog.enabled=false} turns it off with the endpoint.
 */
@AutoConfiguration
@ConditionalOnClass({ LoggerContext.class, PathContainer.class })
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "dynamo.logging.dynlog.enabled", matchIfMissing = true)
@Conditional(RequestRulesAutoConfiguration.LogbackBound.class)
@EnableConfigurationProperties(RequestRulesProperties.class)
@Import(MeterCountingConfiguration.class)
public class RequestRulesAutoConfiguration {

	static final String KEY_PROPERTY = "dynamo.logging.request-rules.key";

	@Bean
	@ConditionalOnMissingBean
	RequestRules dynamoRequestRules(RequestRulesProperties properties, ObjectProvider<BaggageEntryCounts> counts) {
		Clock clock = Clock.systemUTC();
		RuleBaggage baggage = (properties.getKey() != null) ? new RuleBaggage(properties.getKey(), clock,
				counts.getIfAvailable(BaggageEntryCounts::uncounted)) : null;
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		return new RequestRules(context, properties.getMaxRequestsPerSecond(), baggage, clock,
				LoggerFactory.getLogger("dynamo.logging.audit"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	static class ServletConfiguration {

		/** Right after the request id filter, before the observation filter and everything else. */
		@Bean
		FilterRegistrationBean<RequestRuleServletFilter> dynamoRequestRuleFilter(RequestRules rules) {
			FilterRegistrationBean<RequestRuleServletFilter> registration = new FilterRegistrationBean<>(
					new RequestRuleServletFilter(rules));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveConfiguration {

		@Bean
		RequestRuleHttpHandlerDecorator dynamoRequestRuleHttpHandlerDecorator(RequestRules rules) {
			return new RequestRuleHttpHandlerDecorator(rules);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(KEY_PROPERTY)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static class RestClientConfiguration {

		@Bean
		RestClientCustomizer dynamoRuleBaggageRestClientCustomizer() {
			return (builder) -> builder.requestInterceptor(new RuleBaggageClientInterceptor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(KEY_PROPERTY)
	@ConditionalOnClass({ RestTemplate.class, RestTemplateCustomizer.class })
	static class RestTemplateConfiguration {

		@Bean
		RestTemplateCustomizer dynamoRuleBaggageRestTemplateCustomizer() {
			return (restTemplate) -> restTemplate.getInterceptors().add(new RuleBaggageClientInterceptor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(KEY_PROPERTY)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientConfiguration {

		@Bean
		WebClientCustomizer dynamoRuleBaggageWebClientCustomizer() {
			return (builder) -> builder.filter(new RuleBaggageExchangeFilter());
		}

	}

	/** Rules work on Logback's turbo filters: only when SLF4J is bound to Logback. */
	static class LogbackBound implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
		}

	}

}
