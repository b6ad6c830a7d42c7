package io.github.dynamologging.config.internal;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Dynamo's boolean environment values: {@code 1 true on yes} are true; {@code 0 false off no} and the
 * empty string are false; blanks around and case do not matter.
 *
 * Not API: may change in any release.
 */
public final class TruthyValue {

	private TruthyValue() {
	}

	/**
	 * Reads a boolean environment value. Anything unrecognised is false and draws one warning.
	 * @param name the variable, named in the warning
	 * @param value the value as set; {@code null} counts as empty
	 * @param warnings receives the warning for an unrecognised value
	 * @return whether the value is truthy
	 */
	public static boolean parse(String name, String value, Consumer<String> warnings) {
		String word = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
		return switch (word) {
			case "1", "true", "on", "yes" -> true;
			case "", "0", "false", "off", "no" -> false;
			default -> {
				warnings.accept(name + "='" + value + "' is not a boolean; expected one of 1, true, on, yes, "
						+ "0, false, off, no; using false");
				yield false;
			}
		};
	}

}
