package io.github.dynamologging.architecture;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.dynamologging.callsite.CallSiteBootstrap;
import io.github.dynamologging.filter.LogFilter;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core's public API is the list in docs/project-layout.md ("Public API"): any other public top-level type
 * lives in an {@code internal} package.
 */
class CorePublicApiTest {

	/** The core's public types outside {@code internal} packages, as docs/project-layout.md lists them. */
	static final Set<String> API = Set.of(
			// format: the encoders a logback.xml names, their shared base and its extra fields
			"io.github.dynamologging.format.DynamoEncoder", "io.github.dynamologging.format.DynamoJsonlEncoder",
			"io.github.dynamologging.format.DynamoReadableEncoder", "io.github.dynamologging.format.LineEncoder",
			"io.github.dynamologging.format.ExtraFields",
			// filter: the DYN_LOG grammar as a library
			"io.github.dynamologging.filter.LogFilter", "io.github.dynamologging.filter.FilterLevel",
			"io.github.dynamologging.filter.FilterParseResult", "io.github.dynamologging.filter.FilterProblem",
			"io.github.dynamologging.filter.FilterWarning", "io.github.dynamologging.filter.InvalidFilterException",
			// callsite: the bootstrap the build plugin writes into the application's classes
			"io.github.dynamologging.callsite.CallSiteBootstrap");

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackagesOf(DynamoJsonlEncoder.class, LogFilter.class, CallSiteBootstrap.class);

	@Test
	void everyPublicTypeOutsideInternalPackagesIsListedApi() {
		assertThat(unlistedPublicTypes(CORE, API)).as("public top-level types outside an internal package that are "
				+ "not in the API list: make each package-private, move it to an internal package, or add it to the "
				+ "API list in docs/project-layout.md and here").isEmpty();
	}

	@Test
	void everyListedTypeIsPublic() {
		assertThat(API).allSatisfy((name) -> assertThat(CORE.get(name).getModifiers()).contains(JavaModifier.PUBLIC));
	}

	static List<String> unlistedPublicTypes(JavaClasses classes, Set<String> api) {
		return classes.stream()
			.filter(JavaClass::isTopLevelClass)
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> !type.getPackageName().endsWith(".internal") && !type.getPackageName().contains(".internal."))
			.filter((type) -> !type.getSimpleName().equals("package-info"))
			.map(JavaClass::getName)
			.filter((name) -> !api.contains(name))
			.sorted()
			.toList();
	}

}
