package io.github.dynamologging.architecture;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's public API is the list in docs/project-layout.md ("Public API"): any other public top-level
 * type lives in an {@code internal} package of its feature.
 */
class PublicApiTest {

	private static final String P = "io.github.dynamologging.";

	/** The public types outside {@code internal} packages, as docs/project-layout.md lists them. */
	static final Set<String> API = Set.of(
			// Boot's conventions: auto-configurations and their properties
			P + "config.ConfigSourcesAutoConfiguration", P + "config.LoggingLevelProperties",
			P + "config.LoggingConfigFileProperties", P + "export.OtlpExportAutoConfiguration",
			P + "export.ExportProperties", P + "output.OutputAutoConfiguration", P + "output.OutputProperties",
			P + "output.FileFormat", P + "output.OutputFormat", P + "output.OutputStreamName",
			P + "request.RequestIdAutoConfiguration", P + "request.RequestLoggingProperties",
			P + "rules.RequestRulesAutoConfiguration", P + "rules.RequestRulesProperties",
			P + "runtime.DynlogAutoConfiguration", P + "runtime.DynlogProperties", P + "runtime.ConfigWatchProperties",
			P + "spanevents.SpanEventsAutoConfiguration", P + "spanevents.SpanEventsProperties",
			P + "tracing.TracingAutoConfiguration", P + "tracing.SpanNamesProperties",
			// named by class: Boot's file formatters, an environment post-processor others order against,
			// ServiceLoader's thread-local accessors
			P + "output.DynamoJsonlFileFormatter", P + "output.DynamoReadableFileFormatter",
			P + "config.DynamoLoggingEnvironmentPostProcessor", P + "request.RequestIdThreadLocalAccessor",
			P + "rules.RuleDecisionThreadLocalAccessor",
			// the documented seams and what their signatures use
			P + "output.LogLineFields", P + "request.RequestIdGenerator", P + "request.RequestIdServletFilter",
			P + "request.RequestIdHttpHandlerDecorator", P + "request.RequestId", P + "request.RequestFields",
			P + "rules.RequestRules", P + "rules.RequestRuleView", P + "rules.InvalidRuleException",
			P + "rules.UnknownRuleException", P + "runtime.LevelController", P + "runtime.LevelState",
			P + "runtime.LevelOverride", P + "runtime.LoggerCreationLimits", P + "runtime.InvalidChangeException",
			P + "runtime.ChangeNotAllowedException", P + "runtime.DynlogEndpoint", P + "runtime.DynlogDescriptor",
			P + "tracing.DynamoSpanNames");

	/**
	 * Public only because another package needs them and moving them would drag package-private classes
	 * along; not API (their Javadoc says so). Each is a candidate for an internal package.
	 */
	static final Set<String> PUBLIC_NOT_API = Set.of(P + "config.ConfigSources", P + "output.ConsoleFormats");

	private static final JavaClasses STARTER = StarterClasses.IMPORTED;

	@Test
	void everyPublicTypeOutsideInternalPackagesIsListedApi() {
		Set<String> allowed = new HashSet<>(API);
		allowed.addAll(PUBLIC_NOT_API);
		assertThat(unlistedPublicTypes(allowed)).as("public top-level types outside an internal package that are "
				+ "not in the API list: make each package-private, move it to an internal package, or add it to the "
				+ "API list in docs/project-layout.md and here").isEmpty();
	}

	@Test
	void everyListedTypeIsPublic() {
		assertThat(API).allSatisfy((name) -> assertThat(STARTER.get(name).getModifiers()).contains(JavaModifier.PUBLIC));
		assertThat(PUBLIC_NOT_API)
			.allSatisfy((name) -> assertThat(STARTER.get(name).getModifiers()).contains(JavaModifier.PUBLIC));
	}

	private static List<String> unlistedPublicTypes(Set<String> allowed) {
		return STARTER.stream()
			.filter(JavaClass::isTopLevelClass)
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> !type.getPackageName().endsWith(".internal") && !type.getPackageName().contains(".internal."))
			.filter((type) -> !type.getSimpleName().equals("package-info"))
			.map(JavaClass::getName)
			.filter((name) -> !allowed.contains(name))
			.sorted()
			.toList();
	}

}
