package io.github.dynamologging.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's packages depend on each other in one direction only, and the Spring-free packages stay
 * whole in dynamo-logging-core (its CoreDependenciesTest keeps Spring out of them).
 */
class PackageStructureTest {

	private static final JavaClasses STARTER = StarterClasses.IMPORTED;

	@Test
	void noCycleBetweenPackages() {
		slices().matching("io.github.dynamologging.(*)..").should().beFreeOfCycles().check(STARTER);
	}

	@Test
	void noClassJoinsTheCorePackages() {
		noClasses().should()
			.resideInAnyPackage("io.github.dynamologging.format..", "io.github.dynamologging.filter..",
					"io.github.dynamologging.callsite..")
			.because("those packages belong to dynamo-logging-core, usable without Spring")
			.check(STARTER);
	}

}
