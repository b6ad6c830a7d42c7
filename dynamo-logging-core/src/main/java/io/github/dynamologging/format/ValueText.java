package io.github.dynamologging.format;

/** The string form of a field value, even when its {@code toString} fails: a line is never lost to it. */
final class ValueText {

	private ValueText() {
	}

	static String of(Object value) {
		try {
			return String.valueOf(value);
		}
		catch (RuntimeException | LinkageError ex) {
			return "[" + value.getClass().getName() + ".toString() failed: " + ex + "]";
		}
	}

}
