package io.github.dynamologging.output;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Whether the logstash-logback-encoder on the classpath can run the async console ({@link AsyncConsoleAppender},
 * docs/output.md): only that mode needs the library. An application that manages its own, older version, or
 * excludes it, gets one warning line at start and a console written on the logging thread instead of a
 * {@code NoSuchMethodError} or {@code NoClassDefFoundError} later.
 * <p>
 * The async console uses the ring buffer appender's API as it has been since 7.0 (unchanged through 9.0, and
 * tested against a 7.x jar): the shutdown grace period, the empty-buffer check and the append callbacks that 6.x
 * lacks. A version that cannot be read is judged by that API alone.
 */
final class AsyncSupport {

	static final String ARTIFACT = "net.logstash.logback:logstash-logback-encoder";

	static final String OLDEST_SUPPORTED = "7.0";

	/** What the starter brings (the parent pom's managed version). */
	static final String BROUGHT = "9.0";

	static final String APPENDER = "net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender";

	private static final String POM_PROPERTIES = "META-INF/maven/net.logstash.logback/logstash-logback-encoder/"
			+ "pom.properties";

	private static final String DEFERRED = "ch.qos.logback.core.spi.DeferredProcessingAware";

	private AsyncSupport() {
	}

	/** The warning line when the async console cannot run here; {@code null} when it can. */
	static String problem(ClassLoader classLoader) {
		Class<?> appender;
		try {
			appender = Class.forName(APPENDER, false, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return problem(false, null, List.of());
		}
		return problem(true, version(appender.getClassLoader()), missingMethods(appender));
	}

	/**
	 * @param present whether the appender class is on the classpath
	 * @param version the library's version, {@code null} when it cannot be read
	 * @param missingMethods the methods the async console needs that the appender lacks
	 * @return the warning line, or {@code null} when the async console can run
	 */
	static String problem(boolean present, String version, List<String> missingMethods) {
		String found;
		if (!present) {
			found = "it is not on the classpath";
		}
		else if (version != null && isOlderThanSupported(version)) {
			found = "version " + version + " is on the classpath";
		}
		else if (!missingMethods.isEmpty()) {
			found = "the version on the classpath (" + ((version != null) ? version : "of unknown version")
					+ ") lacks " + String.join(", ", missingMethods);
		}
		else {
			return null;
		}
		return "dynamo.logging.async.enabled=true needs " + ARTIFACT + " " + OLDEST_SUPPORTED + " or later, and "
				+ found + "; the console is written on the logging thread instead, and everything else works as "
				+ "configured (only the async console needs that library); to queue the console, use version "
				+ OLDEST_SUPPORTED + " or later (the starter brings " + BROUGHT + ")";
	}

	/**
	 * Whether a version such as {@code 6.6} or {@code 7.0.1} is below {@link #OLDEST_SUPPORTED}; one that does not
	 * start with a number is not (it is judged by its methods).
	 */
	static boolean isOlderThanSupported(String version) {
		int[] found = numbers(version);
		int[] oldest = numbers(OLDEST_SUPPORTED);
		if (found.length == 0) {
			return false;
		}
		for (int i = 0; i < Math.max(found.length, oldest.length); i++) {
			int a = (i < found.length) ? found[i] : 0;
			int b = (i < oldest.length) ? oldest[i] : 0;
			if (a != b) {
				return a < b;
			}
		}
		return false;
	}

	/** The leading dotted numbers of a version ({@code 7.0.1-SNAPSHOT}: 7, 0, 1). */
	private static int[] numbers(String version) {
		List<Integer> numbers = new ArrayList<>();
		for (String part : version.trim().split("\\.")) {
			int end = 0;
			while (end < part.length() && Character.isDigit(part.charAt(end))) {
				end++;
			}
			if (end == 0) {
				break;
			}
			numbers.add(Integer.parseInt(part.substring(0, Math.min(end, 9))));
			if (end < part.length()) {
				break;
			}
		}
		return numbers.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The version in the jar's Maven metadata, {@code null} when it has none (a repackaged jar). */
	static String version(ClassLoader classLoader) {
		URL properties = (classLoader != null) ? classLoader.getResource(POM_PROPERTIES)
				: ClassLoader.getSystemResource(POM_PROPERTIES);
		if (properties == null) {
			return null;
		}
		try (InputStream in = properties.openStream()) {
			Properties pom = new Properties();
			pom.load(in);
			return pom.getProperty("version");
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** The methods the async console calls or overrides that the appender class lacks, by name. */
	static List<String> missingMethods(Class<?> appender) {
		Class<?> deferred;
		try {
			deferred = Class.forName(DEFERRED, false, appender.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return List.of(DEFERRED);
		}
		List<String> missing = new ArrayList<>();
		check(appender, missing, "setRingBufferSize", int.class);
		check(appender, missing, "getRingBufferSize");
		check(appender, missing, "setShutdownGracePeriod", ch.qos.logback.core.util.Duration.class);
		check(appender, missing, "setAddDefaultStatusListener", boolean.class);
		check(appender, missing, "setThreadNameFormat", String.class);
		check(appender, missing, "isRingBufferEmpty");
		check(appender, missing, "prepareForDeferredProcessing", deferred);
		check(appender, missing, "fireEventAppended", deferred, long.class);
		check(appender, missing, "fireEventAppendFailed", deferred, Throwable.class);
		return missing;
	}

	private static void check(Class<?> type, List<String> missing, String name, Class<?>... parameters) {
		try {
			for (Class<?> each = type; each != null; each = each.getSuperclass()) {
				for (Method method : each.getDeclaredMethods()) {
					if (method.getName().equals(name) && Arrays.equals(method.getParameterTypes(), parameters)) {
						return;
					}
				}
			}
		}
		catch (LinkageError ex) {
			// A class the appender's methods name is missing: it could not run either.
		}
		missing.add(name);
	}

}
