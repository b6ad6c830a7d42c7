package io.github.dynamologging.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an {@code OTEL_EXPORTER_OTLP_*HEADERS} value: {@code key=value} entries separated by commas, values
 * percent-decoded, as the OpenTelemetry specification writes them. An entry that no collector could receive
 * (no {@code =}, a key that is not a header name, a value a header cannot carry) draws one warning and is not
 * sent; the others are. Header values are secrets (tokens, API keys): no warning ever shows one, and an entry
 * without {@code =} is named by its position, since all of it may be the value.
 */
final class OtlpHeaders {

	private static final String KEY_RULE = "a header name has only letters, digits and !#$%&'*+-.^_`|~";

	private OtlpHeaders() {
	}

	/**
	 * @param variable the variable's name, for the warnings
	 * @param value its value, {@code null} when unset
	 * @return the usable headers, by name
	 */
	static Map<String, String> parse(String variable, String value, Consumer<String> warnings) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (value == null || value.isBlank()) {
			return headers;
		}
		String[] entries = value.split(",", -1);
		for (int i = 0; i < entries.length; i++) {
			String entry = entries[i].strip();
			if (entry.isEmpty()) {
				continue;
			}
			int equals = entry.indexOf('=');
			if (equals < 0) {
				warnings.accept(variable + ": entry " + (i + 1) + " has no '=' (expected key=value, entries "
						+ "separated by commas); that entry is not sent");
				continue;
			}
			String key = entry.substring(0, equals).strip();
			String problem = keyProblem(key);
			String decoded = (problem == null) ? decode(entry.substring(equals + 1).strip()) : null;
			if (problem == null && decoded == null) {
				problem = "its value is not valid percent-encoding (a % must be followed by two hex digits)";
			}
			if (problem == null && !isHeaderValue(decoded)) {
				problem = "its value has characters a header cannot carry (only visible ASCII, spaces and tabs, "
						+ "percent-encoded or not)";
			}
			if (problem != null) {
				warnings.accept(variable + ": the entry with key '" + key + "' is not usable: " + problem
						+ "; that entry is not sent");
				continue;
			}
			headers.put(key, decoded);
		}
		return headers;
	}

	private static String keyProblem(String key) {
		if (key.isEmpty()) {
			return "the key is empty";
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 128) && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
				return KEY_RULE;
			}
		}
		return null;
	}

	private static boolean isHeaderValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\t' && (c < 0x20 || c > 0x7e)) {
				return false;
			}
		}
		return true;
	}

	/** The percent-decoded value as UTF-8, or {@code null} when a {@code %} is not followed by two hex digits. */
	private static String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '%') {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
				continue;
			}
			if (i + 2 >= value.length()) {
				return null;
			}
			int high = Character.digit(value.charAt(i + 1), 16);
			int low = Character.digit(value.charAt(i + 2), 16);
			if (high < 0 || low < 0) {
				return null;
			}
			bytes.write(high * 16 + low);
			i += 2;
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
