package io.github.dynamologging.request;

import jakarta.servlet.DispatcherType;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.ObservationFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * Request identity (docs/requests-and-traces.md): {@code X-Request-Id}, {@code request-id} and the HTTP
 * fields on every line of a request: one adapter per web stack and per HTTP client, each active only
 * when its stack is there. {@code dynamo.logging.request.enabled=false} turns all of it off.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = RequestIdAutoConfiguration.ENABLED_PROPERTY, matchIfMissing = true)
@EnableConfigurationProperties(RequestLoggingProperties.class)
public class RequestIdAutoConfiguration {

	static final String ENABLED_PROPERTY = "dynamo.logging.request.enabled";

	/** Random UUIDv4s, unless the application has a generator of its own. */
	@Bean
	@ConditionalOnMissingBean
	RequestIdGenerator dynamoRequestIdGenerator() {
		return RequestIdGenerator.randomUuid();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	static class ServletConfiguration {

		/**
		 * First of all filters, before the observation filter starts the server span. Backs off for a
		 * {@link RequestIdServletFilter} of the application's own, registered or not.
		 */
		@Bean
		@ConditionalOnMissingFilterBean(RequestIdServletFilter.class)
		FilterRegistrationBean<RequestIdServletFilter> dynamoRequestIdFilter(RequestLoggingProperties properties,
				RequestIdGenerator generator) {
			FilterRegistrationBean<RequestIdServletFilter> registration = new FilterRegistrationBean<>(
					new RequestIdServletFilter(properties.identity(generator), ServerSpanFields.fromTracing()));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

		@Bean
		RequestIdCleanupListener dynamoRequestIdCleanupListener(RequestLoggingProperties properties) {
			return new RequestIdCleanupListener(properties.accessLog());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ObservationFilter.class)
		static class ServletObservationConfiguration {

			@Bean
			ObservationFilter dynamoRequestIdServletObservationFilter() {
				return new RequestIdObservationFilter<>(
						org.springframework.http.server.observation.ServerRequestObservationContext.class,
						(context) -> (context.getCarrier()
							.getAttribute(RequestIdServletFilter.ATTRIBUTE) instanceof RequestFields fields) ? fields : null);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestIdHttpHandlerDecorator dynamoRequestIdHttpHandlerDecorator(RequestLoggingProperties properties,
				RequestIdGenerator generator) {
			return new RequestIdHttpHandlerDecorator(properties.identity(generator), properties.accessLog());
		}

		/** Hands the server observation to the access line; not needed without it. */
		@Bean
		@ConditionalOnBooleanProperty(name = "dynamo.logging.request.access-log", matchIfMissing = true)
		ServerObservationCapture dynamoServerObservationCapture() {
			return new ServerObservationCapture();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ObservationFilter.class)
		static class ReactiveObservationConfiguration {

			@Bean
			ObservationFilter dynamoRequestIdReactiveObservationFilter() {
				return new RequestIdObservationFilter<>(
						org.springframework.http.server.reactive.observation.ServerRequestObservationContext.class,
						// The handler decorator has replaced both headers with the effective ids.
						(context) -> new RequestFields(context.getCarrier().getHeaders().getFirst(RequestId.HEADER),
								context.getCarrier().getHeaders().getFirst(DynamoRequestId.HEADER), null, null, null));
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
