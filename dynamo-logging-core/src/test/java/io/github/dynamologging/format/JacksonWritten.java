package io.github.dynamologging.format;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import io.github.dynamologging.format.internal.LoneSurrogates;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/** What the encoder's own Jackson factory writes for a string value: the reference the fast paths must match. */
final class JacksonWritten {

	private JacksonWritten() {
	}

	/** {@code text} as a JSON string value, quotes included, after lone surrogates are replaced. */
	static byte[] quoted(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JsonGenerator json = DynamoJsonlEncoder.JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
			json.writeString(LoneSurrogates.replace(text));
		}
		return bytes.toByteArray();
	}

	/** The same without the quotes. */
	static byte[] unquoted(String text) {
		byte[] quoted = quoted(text);
		return Arrays.copyOfRange(quoted, 1, quoted.length - 1);
	}

}
