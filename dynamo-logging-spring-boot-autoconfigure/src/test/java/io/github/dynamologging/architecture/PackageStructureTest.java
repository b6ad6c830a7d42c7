package io.github.dynamologging.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's packages depend on each other in one direction only, and the ones that hold plain logic
 * (the filter grammar, the line formats) need no Spring, so they can be used and tested on their own.
 */
class PackageStructureTest {

	private static final JavaClasses STARTER = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("io.github.dynamologging");

	@Test
	void noCycleBetweenPackages() {
		slices().matching("io.github.dynamologging.(*)..").should().beFreeOfCycles().check(STARTER);
	}

	@Test
	void filterAndFormatUseNoSpring() {
		noClasses().that()
			.resideInAnyPackage("io.github.dynamologging.filter..", "io.github.dynamologging.format..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.check(STARTER);
	}

}
