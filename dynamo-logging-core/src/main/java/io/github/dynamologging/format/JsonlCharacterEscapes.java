package io.github.dynamologging.format;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Jackson's standard JSON escapes plus the three line terminators that JavaScript and some log tools
 * treat as a line break inside a string: U+0085, U+2028 and U+2029 (docs/output.md).
 */
final class JsonlCharacterEscapes extends CharacterEscapes {

	private static final SerializedString NEXT_LINE = new SerializedString("\\u0085");

	private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");

	private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

	private final int[] asciiEscapes = standardAsciiEscapesForJSON();

	@Override
	public int[] getEscapeCodesForAscii() {
		return this.asciiEscapes;
	}

	@Override
	public SerializableString getEscapeSequence(int ch) {
		return switch (ch) {
			case 0x85 -> NEXT_LINE;
			case 0x2028 -> LINE_SEPARATOR;
			case 0x2029 -> PARAGRAPH_SEPARATOR;
			default -> null;
		};
	}

}
