package io.github.dynamologging.runtime;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/** When the dynlog body check is there: a condition per test. */
class DynlogBodyCheckConfigurationTest {

	private static final String EXPOSED = "management.endpoints.web.exposure.include=dynlog";

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withUserConfiguration(DynlogBodyCheckConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withUserConfiguration(DynlogBodyCheckConfiguration.class);

	@Test
	void isAManagementContextConfigurationSoItAlsoServesASeparateManagementPort() {
		assertThat(ImportCandidates.load(ManagementContextConfiguration.class, getClass().getClassLoader()))
			.contains(DynlogBodyCheckConfiguration.class.getName());
	}

	@Test
	void servletExposedGivesTheFilterOrderedAfterSpringSecurity() {
		this.servlet.withPropertyValues(EXPOSED).run((context) -> {
			assertThat(context).hasSingleBean(FilterRegistrationBean.class).doesNotHaveBean(DynlogBodyWebFilter.class);
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(DynlogBodyServletFilter.class);
			assertThat(registration.getOrder()).isGreaterThan(-100);
		});
	}

	@Test
	void reactiveExposedGivesTheWebFilterOrderedAfterSpringSecurity() {
		this.reactive.withPropertyValues(EXPOSED).run((context) -> {
			assertThat(context).hasSingleBean(DynlogBodyWebFilter.class).doesNotHaveBean(FilterRegistrationBean.class);
			assertThat(context.getBean(DynlogBodyWebFilter.class).getOrder()).isGreaterThan(-100);
		});
	}

	@Test
	void notExposedOverTheWebGivesNoCheck() {
		this.servlet.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FilterRegistrationBean.class));
		this.reactive.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=dynlog")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DynlogBodyWebFilter.class));
	}

	@Test
	void accessNoneGivesNoCheck() {
		this.servlet.withPropertyValues(EXPOSED, "management.endpoint.dynlog.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void dynlogSwitchedOffGivesNoCheck() {
		this.servlet.withPropertyValues(EXPOSED, "dynamo.logging.dynlog.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
		this.reactive.withPropertyValues(EXPOSED, "dynamo.logging.dynlog.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DynlogBodyWebFilter.class));
	}

	@Test
	void starterDisabledGivesNoCheck() {
		this.reactive.withPropertyValues(EXPOSED, "dynamo.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DynlogBodyWebFilter.class));
	}

	@Test
	void notAWebApplicationGivesNoCheck() {
		new ApplicationContextRunner().withUserConfiguration(DynlogBodyCheckConfiguration.class)
			.withPropertyValues(EXPOSED)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(DynlogBodyWebFilter.class));
	}

}
