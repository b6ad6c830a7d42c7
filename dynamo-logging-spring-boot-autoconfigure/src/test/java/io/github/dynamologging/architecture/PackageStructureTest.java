package io.github.dynamologging.architecture;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.dynamologging.output.OutputAutoConfiguration;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's packages depend on each other in one direction only, and the Spring-free packages stay
 * whole in dynamo-logging-core (its CoreDependenciesTest keeps Spring out of them).
 */
class PackageStructureTest {

	/** This module's own classes only: the core's are in its jar, or its classes directory in a reactor build. */
	private static final JavaClasses STARTER = new ClassFileImporter().importPath(classesDirectory());

	private static Path classesDirectory() {
		try {
			return Path.of(OutputAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

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
