package io.github.dynamologging.architecture;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.dynamologging.output.OutputAutoConfiguration;

/** This module's own classes only: the core's are in its jar, or its classes directory in a reactor build. */
final class StarterClasses {

	static final JavaClasses IMPORTED = new ClassFileImporter().importPath(classesDirectory());

	private StarterClasses() {
	}

	private static Path classesDirectory() {
		try {
			return Path.of(OutputAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
