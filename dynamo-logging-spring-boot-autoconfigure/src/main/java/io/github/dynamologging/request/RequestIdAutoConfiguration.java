package io.github.dynamologging.request;

import jakarta.servlet.DispatcherType;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.ObservationFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@code X-Request-Id} handling (SPEC 5): one adapter per web stack and per HTTP client, each active only
 * when its stack is there.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
public class RequestIdAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	static class ServletConfiguration {

		/** First of all filters, before the observation filter starts the server span. */
		@Bean
		FilterRegistrationBean<RequestIdServletFilter> dynamoRequestIdFilter() {
			FilterRegistrationBean<RequestIdServletFilter> registration = new FilterRegistrationBean<>(
					new RequestIdServletFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

		@Bean
		RequestIdCleanupListener dynamoRequestIdCleanupListener() {
			return new RequestIdCleanupListener();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ObservationFilter.class)
		static class ServletObservationConfiguration {

			@Bean
			ObservationFilter dynamoRequestIdServletObservationFilter() {
				return new RequestIdObservationFilter<>(
						org.springframework.http.server.observation.ServerRequestObservationContext.class,
						(context) -> context.getCarrier().getAttribute(RequestIdServletFilter.ATTRIBUTE));
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveConfiguration {

		@Bean
		RequestIdHttpHandlerDecorator dynamoRequestIdHttpHandlerDecorator() {
			return new RequestIdHttpHandlerDecorator();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ObservationFilter.class)
		static class ReactiveObservationConfiguration {

			@Bean
			ObservationFilter dynamoRequestIdReactiveObservationFilter() {
				return new RequestIdObservationFilter<>(
						org.springframework.http.server.reactive.observation.ServerRequestObservationContext.class,
						(context) -> context.getCarrier().getHeaders().getFirst(RequestId.HEADER));
			}

		}

	}

	/** Async work started while handling a request keeps its id (and trace) in the MDC. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ContextSnapshotFactory.class)
	static class TaskConfiguration {

		@Bean
		@ConditionalOnMissingBean(TaskDecorator.class)
		ContextPropagatingTaskDecorator dynamoContextPropagatingTaskDecorator() {
			return new ContextPropagatingTaskDecorator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static class RestClientConfiguration {

		@Bean
		RestClientCustomizer dynamoRequestIdRestClientCustomizer() {
			return (builder) -> builder.requestInterceptor(new RequestIdClientInterceptor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestTemplate.class, RestTemplateCustomizer.class })
	static class RestTemplateConfiguration {

		@Bean
		RestTemplateCustomizer dynamoRequestIdRestTemplateCustomizer() {
			return (restTemplate) -> restTemplate.getInterceptors().add(new RequestIdClientInterceptor());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientConfiguration {

		@Bean
		WebClientCustomizer dynamoRequestIdWebClientCustomizer() {
			return (builder) -> builder.filter(new RequestIdExchangeFilter());
		}

	}

}
