package io.github.dynamologging.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the watcher tells a write caught half-way from a file meant as it is. */
class ConfigFilesTest {

	@Test
	void nothingButBlanksIsUnfinished() {
		assertThat(ConfigFiles.unfinished("")).hasValue("is empty");
		assertThat(ConfigFiles.unfinished(" \n\r\n\t")).hasValue("is empty");
	}

	@Test
	void aTableHeaderAsTheLastLineIsUnfinished() {
		assertThat(ConfigFiles.unfinished("log_level = \"warn\"\n[log_filters]\n\n"))
			.hasValue("ends with the table header [log_filters] and nothing under it");
		assertThat(ConfigFiles.unfinished("[log_filters]\r\n")).isPresent();
	}

	@Test
	void aCommentOrAStatementAsTheLastLineIsMeant() {
		assertThat(ConfigFiles.unfinished("# nothing from this file for now\n")).isEmpty();
		assertThat(ConfigFiles.unfinished("[log_filters]\n# none yet\n")).isEmpty();
		assertThat(ConfigFiles.unfinished("log_level = \"warn\"")).isEmpty();
		assertThat(ConfigFiles.unfinished("[log_filters]\n\"a\" = \"debug\"\n")).isEmpty();
	}

}
