package io.github.dynamologging.filter;

import java.util.Locale;
import java.util.Optional;

/**
 * A level in a Dynamo filter string, most quiet first. {@code OFF} disables a target entirely.
 */
public enum FilterLevel {

	OFF, ERROR, WARN, INFO, DEBUG, TRACE;

	/** The accepted spellings, for messages that tell a user what to write instead. */
	public static final String ACCEPTED_SPELLINGS = "trace, debug, info, warn (or warning), error, off, "
			+ "or a digit 0 (off) to 5 (trace)";

	/**
	 * Reads a level: a name in any case ({@code warning} means {@code warn}) or a digit, {@code 0} = off
	 * to {@code 5} = trace. Blanks around it are ignored.
	 * @param text the level as written; may be {@code null}
	 * @return the level, or empty when the text is not one
	 */
	public static Optional<FilterLevel> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String word = text.trim().toLowerCase(Locale.ROOT);
		return switch (word) {
			case "off", "0" -> Optional.of(OFF);
			case "error", "1" -> Optional.of(ERROR);
			case "warn", "warning", "2" -> Optional.of(WARN);
			case "info", "3" -> Optional.of(INFO);
			case "debug", "4" -> Optional.of(DEBUG);
			case "trace", "5" -> Optional.of(TRACE);
			default -> Optional.empty();
		};
	}

	/** The canonical spelling in a filter string, e.g. {@code warn}. */
	public String filterName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
