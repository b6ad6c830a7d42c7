package io.github.dynamologging.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.logging.LoggersEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DynlogAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(EndpointAutoConfiguration.class, DynlogAutoConfiguration.class));

	private final ApplicationContextRunner exposed = this.runner
		.withPropertyValues("management.endpoints.web.exposure.include=dynlog");

	@Test
	void notExposedMeansNoEndpointAndNoLevelChanges() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(DynlogEndpoint.class)
			.doesNotHaveBean(LevelController.class)
			.hasSingleBean(DynlogProperties.class));
	}

	@Test
	void exposedOverTheWebGivesTheEndpointAndItsWebExtension() {
		this.exposed.run((context) -> assertThat(context).hasSingleBean(DynlogEndpoint.class)
			.hasSingleBean(DynlogEndpointWebExtension.class)
			.hasSingleBean(LevelController.class));
	}

	@Test
	void exposedOverJmxOnlyGivesNoWebExtension() {
		this.runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=dynlog")
			.run((context) -> assertThat(context).hasSingleBean(DynlogEndpoint.class)
				.doesNotHaveBean(DynlogEndpointWebExtension.class));
	}

	@Test
	void loggersEndpointOverTheWebGetsTheAuditedWriteAndTheLevelController() {
		this.runner.withConfiguration(AutoConfigurations.of(LoggersEndpointAutoConfiguration.class))
			.withBean(LoggingSystem.class, () -> LoggingSystem.get(getClass().getClassLoader()))
			.withPropertyValues("management.endpoints.web.exposure.include=loggers")
			.run((context) -> assertThat(context).hasSingleBean(LoggersEndpointWriteAdvisor.class)
				.hasSingleBean(LevelController.class)
				.doesNotHaveBean(DynlogEndpoint.class));
		this.exposed.withConfiguration(AutoConfigurations.of(LoggersEndpointAutoConfiguration.class))
			.withBean(LoggingSystem.class, () -> LoggingSystem.get(getClass().getClassLoader()))
			.run((context) -> assertThat(context).doesNotHaveBean(LoggersEndpointWriteAdvisor.class));
	}

	@Test
	void accessNoneTurnsItOff() {
		this.exposed.withPropertyValues("management.endpoint.dynlog.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(DynlogEndpoint.class));
	}

	@Test
	void theDynlogSwitchIsOnByDefaultAndBootsRulesThenDecide() {
		this.exposed.withPropertyValues("dynamo.logging.dynlog.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(DynlogEndpoint.class)
				.getBean(DynlogProperties.class)
				.extracting(DynlogProperties::isEnabled)
				.isEqualTo(true));
		this.exposed.run((context) -> assertThat(context.getBean(DynlogProperties.class).isEnabled()).isTrue());
		this.exposed.withPropertyValues("dynamo.logging.dynlog.enabled=true", "management.endpoint.dynlog.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(DynlogEndpoint.class));
	}

	@Test
	void theDynlogSwitchOffMeansNoEndpointWhateverBootExposesButLoggersWritesAreStillChecked() {
		this.exposed.withPropertyValues("dynamo.logging.dynlog.enabled=false",
				"management.endpoint.dynlog.access=UNRESTRICTED")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DynlogEndpoint.class)
				.doesNotHaveBean(DynlogEndpointWebExtension.class));
		this.exposed.withConfiguration(AutoConfigurations.of(LoggersEndpointAutoConfiguration.class))
			.withBean(LoggingSystem.class, () -> LoggingSystem.get(getClass().getClassLoader()))
			.withPropertyValues("dynamo.logging.dynlog.enabled=false",
					"management.endpoints.web.exposure.include=dynlog,loggers")
			.run((context) -> assertThat(context).doesNotHaveBean(DynlogEndpoint.class)
				.hasSingleBean(LoggersEndpointWriteAdvisor.class));
	}

	@Test
	void aDynlogEndpointOrLevelControllerOfTheUsersWins() {
		this.exposed.withUserConfiguration(UsersEndpoint.class)
			.run((context) -> assertThat(context).getBean(DynlogEndpoint.class)
				.isSameAs(context.getBean("usersDynlogEndpoint")));
		this.exposed.withUserConfiguration(UsersLevelController.class)
			.run((context) -> assertThat(context).getBean(LevelController.class)
				.isSameAs(context.getBean("usersLevelController")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UsersLevelController {

		@Bean
		LevelController usersLevelController() {
			return new LevelController((LoggerContext) LoggerFactory.getILoggerFactory(),
					new DynlogProperties().toLimits());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(UsersLevelController.class)
	static class UsersEndpoint {

		@Bean
		DynlogEndpoint usersDynlogEndpoint(LevelController controller) {
			return new DynlogEndpoint(controller, new DynlogProperties().toRules(), "readable",
					ConfigFiles.of(new StandardEnvironment()), false, null);
		}

	}

	@Test
	void starterDisabledTurnsItOff() {
		this.exposed.withPropertyValues("dynamo.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DynlogEndpoint.class)
				.doesNotHaveBean(DynlogProperties.class));
	}

	@Test
	void withoutActuatorThereIsNoEndpointAndNoLevelChanges() {
		this.exposed.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DynlogEndpoint.class)
				.doesNotHaveBean(LevelController.class));
	}

	@Test
	void configWatchIsOffByDefault() {
		this.exposed.run((context) -> assertThat(context).doesNotHaveBean(ConfigFileWatcher.class));
	}

	@Test
	void configWatchNeedsNoActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("dynamo.logging.config-watch=true")
			.run((context) -> assertThat(context).hasSingleBean(ConfigFileWatcher.class)
				.hasSingleBean(LevelController.class)
				.doesNotHaveBean(DynlogEndpoint.class));
	}

	@Test
	void endpointAndConfigWatchShareOneController() {
		this.exposed.withPropertyValues("dynamo.logging.config-watch=true")
			.run((context) -> assertThat(context).hasSingleBean(ConfigFileWatcher.class)
				.hasSingleBean(LevelController.class)
				.hasSingleBean(DynlogEndpoint.class));
	}

	@Test
	void ttlSettingsBind() {
		this.exposed.withPropertyValues("dynamo.logging.dynlog.default-ttl=5m", "dynamo.logging.dynlog.max-ttl=0")
			.run((context) -> {
				DynlogProperties properties = context.getBean(DynlogProperties.class);
				assertThat(properties.toRules()).isEqualTo(
						new ChangeRules(java.time.Duration.ofMinutes(5), java.time.Duration.ZERO));
			});
	}

	@Test
	void contradictoryTtlSettingsFailTheStartNamingThem() {
		this.exposed.withPropertyValues("dynamo.logging.dynlog.default-ttl=2h")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("default-ttl (PT2H) must not be longer than max-ttl (PT1H)"));
	}

	@Test
	void noConfigFile() {
		// The format is what Logback's console really writes (output/ConsoleSettingsTest checks it).
		this.exposed.run((context) -> {
			DynlogDescriptor levels = context.getBean(DynlogEndpoint.class).levels();
			assertThat(levels.configSource()).isNull();
			assertThat(levels.configHash()).isNull();
		});
	}

	@Test
	void configFilesThatAppliedAreNamedAndHashed(@TempDir Path directory) throws Exception {
		Path named = directory.resolve("logging.toml");
		Files.writeString(named, "log_level = \"warn\"\n", StandardCharsets.UTF_8);
		Path fallback = directory.resolve("default.toml");
		Files.writeString(fallback, "[log_filters]\n\"com.example\" = \"debug\"\n", StandardCharsets.UTF_8);
		this.exposed
			.withPropertyValues("dynamo.logging.config-path=" + named, "dynamo.logging.default-config-path=" + fallback)
			.withInitializer((context) -> {
				// As the post-processor leaves them when both files applied.
				var sources = context.getEnvironment().getPropertySources();
				sources.addLast(new MapPropertySource(ConfigSources.CONFIG_FILE,
						Map.of("logging.level.root", "warn")));
				sources.addLast(new MapPropertySource(
						ConfigSources.DEFAULT_CONFIG_FILE,
						Map.of("logging.level.[com.example]", "debug")));
			})
			.run((context) -> {
				DynlogDescriptor levels = context.getBean(DynlogEndpoint.class).levels();
				assertThat(levels.configSource()).isEqualTo(named + ", " + fallback);
				MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
				sha256.update(Files.readAllBytes(named));
				sha256.update(Files.readAllBytes(fallback));
				assertThat(levels.configHash()).isEqualTo(HexFormat.of().formatHex(sha256.digest()));
			});
	}

	@Test
	void namedFileThatDidNotApplyIsNotNamed(@TempDir Path directory) {
		this.exposed.withPropertyValues("dynamo.logging.config-path=" + directory.resolve("missing.toml"))
			.run((context) -> assertThat(context.getBean(DynlogEndpoint.class).levels().configSource()).isNull());
	}

}
