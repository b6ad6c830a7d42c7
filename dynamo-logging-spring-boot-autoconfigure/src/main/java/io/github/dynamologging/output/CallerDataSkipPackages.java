package io.github.dynamologging.output;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.format.internal.CallerLocator;

/**
 * {@code dynamo.logging.caller-data-skip-packages}, added to Logback's framework packages, so Logback's own
 * caller data ({@code %file}, {@code %line} in a pattern) passes over the same frames; the starter's caller
 * lookup ({@link CallerLocator}) passes over all of Logback's list.
 */
final class CallerDataSkipPackages {

	/** What the last start added to Logback's list, taken out again at the next start (tests, restarts). */
	private static List<String> added = List.of();

	private CallerDataSkipPackages() {
	}

	static synchronized void install(LoggerContext context, List<String> packages) {
		List<String> frameworkPackages = context.getFrameworkPackages();
		frameworkPackages.removeAll(added);
		List<String> adding = new ArrayList<>();
		for (String name : packages) {
			String trimmed = name.trim();
			if (!trimmed.isEmpty() && !frameworkPackages.contains(trimmed) && !adding.contains(trimmed)) {
				adding.add(trimmed);
			}
		}
		frameworkPackages.addAll(adding);
		added = List.copyOf(adding);
		CallerLocator.setSkippedPackages(frameworkPackages);
	}

}
