package io.github.dynamologging.filter;

import java.util.List;
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

	/** The level names a filter accepts, in the order {@link #lookalike} tries them. */
	private static final List<String> NAMES = List.of("trace", "debug", "info", "warn", "warning", "error", "off");

	/**
	 * The level name a word that is not a level is one edit away from: one character inserted, removed,
	 * replaced, or two neighbours swapped ({@code debgu} → {@code debug}), in any case.
	 * @param word a word as written, e.g. a bare target
	 * @return the level name, or empty when the word is a level or not that close to one
	 */
	public static Optional<String> lookalike(String word) {
		String lower = word.trim().toLowerCase(Locale.ROOT);
		if (parse(lower).isPresent()) {
			return Optional.empty();
		}
		return NAMES.stream().filter((name) -> oneEditApart(lower, name)).findFirst();
	}

	/** Whether two different strings are one insertion, deletion, substitution or neighbour swap apart. */
	static boolean oneEditApart(String a, String b) {
		if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
			return false;
		}
		int i = 0;
		while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		if (a.length() != b.length()) {
			String shorter = (a.length() < b.length()) ? a : b;
			String longer = (shorter == a) ? b : a;
			return shorter.substring(i).equals(longer.substring(i + 1));
		}
		if (a.substring(i + 1).equals(b.substring(i + 1))) {
			return true;
		}
		return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
				&& a.substring(i + 2).equals(b.substring(i + 2));
	}

	/** The canonical spelling in a filter string, e.g. {@code warn}. */
	public String filterName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
