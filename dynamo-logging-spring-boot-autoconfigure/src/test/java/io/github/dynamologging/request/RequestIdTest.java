package io.github.dynamologging.request;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

	private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	@ParameterizedTest
	@ValueSource(strings = { "abc", "8372eac7-5f43-4d76-beca-0a94cfb311d0", "A+b/C=d.e_f:g-h", "x", " ", "has space",
			"semi;colon", "quote\"", "<script>", "{json}", "user@host", "~!#$%^&*()`|\\" })
	void keepsAnyIdOfVisibleAsciiAndSpaceVerbatim(String id) {
		assertThat(RequestId.effective(List.of(id))).isEqualTo(id);
	}

	@Test
	void keepsEveryCharacterFromSpaceToTilde() {
		StringBuilder all = new StringBuilder();
		for (char c = 0x20; c <= 0x7E; c++) {
			all.append(c);
		}
		assertThat(RequestId.effective(List.of(all.toString()))).isEqualTo(all.toString());
	}

	@Test
	void keepsAnIdOfExactly1024Characters() {
		String id = "a".repeat(1024);
		assertThat(RequestId.effective(List.of(id))).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "new\nline", "tab\t", "ctl\u0001", "del\u007f", "ünïcode", "emoji😀", "nbsp\u00a0" })
	void replacesAnIdWithCharactersOutsideSpaceToTildeWithANewUuid(String id) {
		assertThat(RequestId.effective(List.of(id))).matches(UUID_V4);
	}

	@Test
	void replacesAnIdOf1025Characters() {
		assertThat(RequestId.effective(List.of("a".repeat(1025)))).matches(UUID_V4);
	}

	@Test
	void replacesARepeatedHeaderEvenWhenEachValueIsValid() {
		assertThat(RequestId.effective(List.of("one", "two"))).matches(UUID_V4);
		assertThat(RequestId.effective(List.of("same", "same"))).matches(UUID_V4);
	}

	@Test
	void generatesWhenAbsent() {
		assertThat(RequestId.effective(List.of())).matches(UUID_V4);
		assertThat(RequestId.effective(null)).matches(UUID_V4);
		assertThat(RequestId.effective(Arrays.asList((String) null))).matches(UUID_V4);
	}

	@Test
	void generatedIdsDiffer() {
		assertThat(RequestId.generate()).isNotEqualTo(RequestId.generate());
		assertThat(UUID.fromString(RequestId.generate()).version()).isEqualTo(4);
	}

}
