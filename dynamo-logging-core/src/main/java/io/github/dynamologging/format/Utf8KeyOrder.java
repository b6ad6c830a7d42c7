package io.github.dynamologging.format;

import java.util.Comparator;

/**
 * Orders keys by their UTF-8 bytes, which is code point order. {@link String#compareTo} compares UTF-16
 * units and puts supplementary characters (surrogate pairs) before U+E000..U+FFFF; shifting the two
 * ranges past each other fixes that without decoding.
 */
final class Utf8KeyOrder implements Comparator<String> {

	public static final Utf8KeyOrder INSTANCE = new Utf8KeyOrder();

	private Utf8KeyOrder() {
	}

	@Override
	public int compare(String left, String right) {
		int length = Math.min(left.length(), right.length());
		for (int i = 0; i < length; i++) {
			char a = left.charAt(i);
			char b = right.charAt(i);
			if (a != b) {
				return codePointRank(a) - codePointRank(b);
			}
		}
		return left.length() - right.length();
	}

	private static int codePointRank(char c) {
		if (c < Character.MIN_SURROGATE) {
			return c;
		}
		// Surrogates (D800..DFFF) stand for code points above FFFF: move them above E000..FFFF.
		return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
	}

}
