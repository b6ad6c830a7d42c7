package io.github.dynamologging.output;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Whether the starter's console takes the place of the {@code CONSOLE} appender Logback has after Boot's
 * initialisation, and, where a setting of the user's own is involved, the one line at start that says
 * which setting applies and why (docs/output.md, "Spring Boot's settings and yours").
 * @param replace whether the starter's console replaces {@code CONSOLE}
 * @param warning whether {@code message} is a WARN (a setting of the user's is not used) or an INFO
 * @param message the line to log at start, or {@code null}
 */
record ConsoleChoice(boolean replace, boolean warning, String message) {

	static final String FORMAT = "dynamo.logging.format";

	static final String BOOT_STRUCTURED = "logging.structured.format.console";

	static final String BOOT_PATTERN = "logging.pattern.console";

	/** Where Boot looks for a Logback configuration of the application's own, in its order. */
	private static final String[] USER_CONFIGS = { "logback-test.groovy", "logback-test.xml", "logback.groovy",
			"logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml", "logback-spring.groovy",
			"logback-spring.xml" };

	/**
	 * @param hasConsole whether Logback has an appender named {@code CONSOLE}
	 * @param writesDynamoLines whether an appender of the application's own already uses one of the
	 * starter's encoders (then the configuration is left exactly as it is)
	 */
	static ConsoleChoice of(Environment environment, boolean hasConsole, boolean writesDynamoLines) {
		if (writesDynamoLines) {
			return new ConsoleChoice(false, false, null);
		}
		String userConfig = userConfig(environment);
		if (!hasConsole) {
			return (userConfig == null) ? new ConsoleChoice(false, false, null) : new ConsoleChoice(false, false,
					"The Logback configuration " + userConfig + " has no appender named CONSOLE and none with the"
							+ " starter's encoders: its appenders write as configured, and " + FORMAT
							+ ", dynamo.logging.output and dynamo.logging.async do not apply to them"
							+ " (docs/output.md shows how to use the encoders there)");
		}
		String bootSetting = setting(environment, BOOT_STRUCTURED, BOOT_PATTERN);
		String dynamoFormat = setting(environment, FORMAT);
		if (bootSetting != null && dynamoFormat == null) {
			return new ConsoleChoice(false, false, "The console keeps Spring Boot's format: " + bootSetting
					+ " is set; " + FORMAT + "=jsonl or readable (or DYN_LOGGING_JSONL=1) would write Dynamo's lines");
		}
		if (bootSetting != null) {
			return new ConsoleChoice(true, true,
					dynamoFormat + " applies to the console; " + bootSetting + " is not used");
		}
		if (userConfig != null) {
			return new ConsoleChoice(true, false, "The appender CONSOLE of " + userConfig
					+ " is replaced by the starter's console; give it another name to keep it");
		}
		return new ConsoleChoice(true, false, null);
	}

	/** The first of {@code names} that is set, as {@code name=value}, or {@code null}. */
	private static String setting(Environment environment, String... names) {
		for (String name : names) {
			String value = environment.getProperty(name);
			if (value != null && !value.isBlank()) {
				return name + "=" + value.trim();
			}
		}
		return null;
	}

	/** The Logback configuration of the application's own that Boot loaded, or {@code null}. */
	private static String userConfig(Environment environment) {
		String named = environment.getProperty("logging.config");
		if (named != null && !named.isBlank()) {
			return named.trim();
		}
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		for (String name : USER_CONFIGS) {
			if (classLoader != null && classLoader.getResource(name) != null) {
				return "classpath:" + name;
			}
		}
		return null;
	}

}
