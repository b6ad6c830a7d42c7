package io.github.dynamologging.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of {@code DYN_*} variables and the reference in docs/configuration.md list the same ones. */
class EnvironmentVariableMappingTests {

	private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("^\\| `(DYN_[A-Z_]+)` \\|");

	@Test
	void everyVariableOfTheTableIsDocumentedAndNoOther() throws IOException {
		List<String> documented = Files.readAllLines(Path.of("../docs/configuration.md"))
			.stream()
			.map(DOCUMENTED_VARIABLE::matcher)
			.filter(Matcher::find)
			.map((match) -> match.group(1))
			.toList();
		assertThat(documented).containsExactlyInAnyOrderElementsOf(EnvironmentVariableMapping.variables());
	}

}
