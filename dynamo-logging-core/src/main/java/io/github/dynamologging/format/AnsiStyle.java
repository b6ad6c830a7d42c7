package io.github.dynamologging.format;

import ch.qos.logback.classic.Level;

/** The readable format's colours (docs/output.md): time and target dim, each level its own colour. */
enum AnsiStyle {

	DIM("2"), MAGENTA("35"), BLUE("34"), GREEN("32"), YELLOW("33"), RED("31");

	private static final String RESET = "\u001b[0m";

	private final String start;

	AnsiStyle(String code) {
		this.start = "\u001b[" + code + "m";
	}

	static AnsiStyle forLevel(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> RED;
			case Level.WARN_INT -> YELLOW;
			case Level.INFO_INT -> GREEN;
			case Level.DEBUG_INT -> BLUE;
			default -> MAGENTA;
		};
	}

	/** Opens the style when {@code enabled}. */
	void open(StringBuilder out, boolean enabled) {
		if (enabled) {
			out.append(this.start);
		}
	}

	/** Closes any style when {@code enabled}. */
	static void close(StringBuilder out, boolean enabled) {
		if (enabled) {
			out.append(RESET);
		}
	}

}
