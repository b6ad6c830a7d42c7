package io.github.dynamologging.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.github.dynamologging.callsite.CallSiteBootstrap;
import io.github.dynamologging.filter.LogFilter;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.testing.JsonLines;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * dynamo-logging-core works from a plain logback.xml: its classes need the JDK, Logback, SLF4J and Jackson
 * core, and nothing of Spring.
 */
class CoreDependenciesTest {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackagesOf(DynamoJsonlEncoder.class, LogFilter.class, CallSiteBootstrap.class);

	@Test
	void importsTheThreePackages() {
		assertThat(CORE.stream().map((type) -> type.getPackageName()).distinct()).containsExactlyInAnyOrder(
				"io.github.dynamologging.format", "io.github.dynamologging.format.internal", "io.github.dynamologging.filter",
				"io.github.dynamologging.callsite", "io.github.dynamologging.callsite.internal");
	}

	@Test
	void noClassUsesSpring() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(CORE);
	}

	private static final ArchRule ONLY_DECLARED_DEPENDENCIES = classes().should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "ch.qos.logback..", "org.slf4j..", "tools.jackson.core..",
				"io.github.dynamologging.format..", "io.github.dynamologging.filter..",
				"io.github.dynamologging.callsite..")
		.because("the core is declared with these dependencies only (dynamo-logging-core/pom.xml)");

	@Test
	void classesUseOnlyTheJdkLogbackSlf4jAndJacksonCore() {
		ONLY_DECLARED_DEPENDENCIES.check(CORE);
	}

	@Test
	void theRuleCatchesAnyOtherDependency() {
		// A test fixture that reads lines with jackson-databind, which the core's own classes may not use.
		JavaClasses fixture = new ClassFileImporter().importClasses(JsonLines.class);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> ONLY_DECLARED_DEPENDENCIES.check(fixture))
			.withMessageContaining("tools.jackson.databind.json.JsonMapper");
	}

	@Test
	void noCycleBetweenPackages() {
		slices().matching("io.github.dynamologging.(*)..").should().beFreeOfCycles().check(CORE);
	}

}
