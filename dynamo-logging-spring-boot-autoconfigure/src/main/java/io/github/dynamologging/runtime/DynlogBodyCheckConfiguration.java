package io.github.dynamologging.runtime;

import java.util.function.Supplier;

import ch.qos.logback.classic.LoggerContext;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;

/**
 * The filters that give the {@code dynlog} endpoint's writes their raw query string and body to check
 * ({@link DynlogBody}). A management context configuration, so that they apply where the actuator is
 * served: the application's server, or the management server's own context when
 * {@code management.server.port} differs (filters of the application's context do not apply there).
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnBooleanProperty(name = "dynamo.logging.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = DynlogAutoConfiguration.ENABLED_PROPERTY, matchIfMissing = true)
@ConditionalOnAvailableEndpoint(endpoint = DynlogEndpoint.class, exposure = EndpointExposure.WEB)
class DynlogBodyCheckConfiguration {

	/**
	 * The endpoint's path, looked up at the first request (the endpoints are discovered after the filters are
	 * made). Where it takes no writes ({@code access=read-only}) Boot still answers 405 to a carried request.
	 */
	static Supplier<@Nullable String> endpointPath(ObjectProvider<PathMappedEndpoints> endpoints) {
		return SingletonSupplier.of(() -> {
			PathMappedEndpoints mapped = endpoints.getIfAvailable();
			return (mapped != null) ? mapped.getPath(EndpointId.of("dynlog")) : null;
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	static class ServletBodyCheckConfiguration {

		@Bean
		FilterRegistrationBean<DynlogBodyServletFilter> dynlogBodyCheckFilter(
				ObjectProvider<PathMappedEndpoints> endpoints) {
			FilterRegistrationBean<DynlogBodyServletFilter> registration = new FilterRegistrationBean<>(
					new DynlogBodyServletFilter(endpointPath(endpoints)));
			// Last: after Spring Security's filter chain (order -100), so an unauthenticated request is
			// refused before its body is read.
			registration.setOrder(Ordered.LOWEST_PRECEDENCE);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveBodyCheckConfiguration {

		@Bean
		DynlogBodyWebFilter dynlogBodyCheckWebFilter(ObjectProvider<PathMappedEndpoints> endpoints) {
			return new DynlogBodyWebFilter(endpointPath(endpoints));
		}

	}

}
