package io.github.dynamologging.runtime;

import ch.qos.logback.classic.util.LoggerNameUtil;

/**
 * How much runtime changes may add to Logback's logger tree, which never shrinks: naming a logger that does
 * not exist yet creates it and each missing ancestor for the rest of the process's life, so without a bound
 * a few requests naming long, deep, new names fill the heap (docs/hardening.md).
 * @param maxTargetLength the longest logger name a change may name, in characters
 * @param maxTargetDepth the most name parts ({@code .} or {@code $} separated, as Logback splits them) a
 * logger name a change names may have
 * @param maxNewLoggers how many loggers that did not exist before all changes together may create over the
 * process's life
 */
public record LoggerCreationLimits(int maxTargetLength, int maxTargetDepth, int maxNewLoggers) {

	/** The defaults of {@code dynamo.logging.dynlog.*}: far above real class and package names. */
	public static LoggerCreationLimits defaults() {
		return new DynlogProperties().toLimits();
	}

	private static final int QUOTED_CHARACTERS = 64;

	public LoggerCreationLimits {
		requirePositive("max-target-length", maxTargetLength);
		requirePositive("max-target-depth", maxTargetDepth);
		if (maxNewLoggers < 0) {
			throw new IllegalArgumentException(
					"dynamo.logging.dynlog.max-new-loggers must be 0 or more, but is " + maxNewLoggers);
		}
	}

	private static void requirePositive(String name, int value) {
		if (value <= 0) {
			throw new IllegalArgumentException("dynamo.logging.dynlog." + name + " must be positive, but is " + value);
		}
	}

	/**
	 * Checks a logger name's length and depth, without touching Logback.
	 * @param name the logger name
	 * @param asked how the name was asked for, the start of the message (e.g.
	 * {@code Invalid directive 'com.example=debug'})
	 * @throws InvalidChangeException naming the input, the limit and the setting
	 */
	void checkName(String name, String asked) {
		if (name.length() > this.maxTargetLength) {
			throw new InvalidChangeException(asked + ": the logger name is " + name.length()
					+ " characters long; at most " + this.maxTargetLength + " are allowed "
					+ "(dynamo.logging.dynlog.max-target-length)");
		}
		int depth = depth(name);
		if (depth > this.maxTargetDepth) {
			throw new InvalidChangeException(asked + ": the logger name has " + depth
					+ " parts separated by '.' or '$'; at most " + this.maxTargetDepth + " are allowed "
					+ "(dynamo.logging.dynlog.max-target-depth)");
		}
	}

	/**
	 * Checks that a change creating {@code creating} more loggers stays within {@link #maxNewLoggers}.
	 * @param created how many loggers changes have created so far
	 * @param creating how many the change would create
	 * @param example one of the names it would create, for the message
	 * @throws InvalidChangeException naming the limit, what is left and the fix
	 */
	void checkNewLoggers(int created, int creating, String example) {
		if (creating > 0 && created + creating > this.maxNewLoggers) {
			String which = (creating == 1) ? "'" + quote(example) + "'"
					: "'" + quote(example) + "' and " + (creating - 1) + " more";
			throw new InvalidChangeException("This change would create " + creating + " new logger"
					+ ((creating == 1) ? "" : "s") + " (" + which + " did not exist yet); runtime changes may create at most "
					+ this.maxNewLoggers + " loggers over the process's life, since Logback never frees one, and "
					+ Math.max(0, this.maxNewLoggers - created) + " are left. Name loggers that exist (a package or "
					+ "class of the application), or raise dynamo.logging.dynlog.max-new-loggers");
		}
	}

	/** A logger name's parts as Logback's tree has them: {@code com.example.Api$Inner} has 4. */
	static int depth(String name) {
		int parts = 1;
		int separator = LoggerNameUtil.getFirstSeparatorIndexOf(name);
		while (separator >= 0) {
			parts++;
			separator = LoggerNameUtil.getSeparatorIndexOf(name, separator + 1);
		}
		return parts;
	}

	/** The start of a long name or directive: enough to recognise it, not kilobytes of it. */
	static String quote(String text) {
		return (text.length() <= QUOTED_CHARACTERS) ? text
				: text.substring(0, QUOTED_CHARACTERS) + "…(" + text.length() + " characters)";
	}

}
