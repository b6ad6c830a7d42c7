package io.github.dynamologging.format.internal;

/**
 * Replaces unpaired UTF-16 surrogates with U+FFFD. They cannot be encoded as UTF-8, and the JSON writer
 * would refuse the whole event; a line must be written whatever a string holds.
 *
 * Not API: may change in any release.
 */
public final class LoneSurrogates {

	public static final char REPLACEMENT = '\uFFFD';

	private LoneSurrogates() {
	}

	/** {@code text} itself when it has no lone surrogate (the common case: no copy). */
	public static String replace(String text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return replaceFrom(text, i);
				}
			}
		}
		return text;
	}

	private static String replaceFrom(String text, int firstLone) {
		StringBuilder result = new StringBuilder(text.length()).append(text, 0, firstLone);
		int length = text.length();
		for (int i = firstLone; i < length; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				result.append(c).append(text.charAt(++i));
			}
			else {
				result.append(Character.isSurrogate(c) ? REPLACEMENT : c);
			}
		}
		return result.toString();
	}

}
