package io.github.dynamologging.format.internal;

import java.lang.StackWalker.StackFrame;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.dynamologging.callsite.internal.ActiveCallSites;

/**
 * Finds the {@code file} and {@code line} of the code that logged an event.
 * <p>
 * Logback's own caller data builds a {@code Throwable} and copies the whole stack; a {@link StackWalker}
 * materialises frames lazily and stops at the caller, which is much cheaper. It must run on the thread
 * that logged, while the logging call is still on the stack: the starter's console appenders
 * {@link #storeCallerData(ILoggingEvent) store it in the event} before encoding or queueing it; an encoder
 * in an appender of the application's own walks from where it encodes. The caller is the first frame after the logging
 * frameworks' frames, reflection frames passed over; the application's own logging facade is passed over like a
 * logging framework once its package is named ({@link #setSkippedPackages}).
 *
 * Not API: may change in any release.
 */
public final class CallerLocator {

	/** Shown when no caller can be found, e.g. an event built by hand or replayed from elsewhere. */
	public static final CallerLocation UNKNOWN = new CallerLocation("unknown", 0);

	/** Packages of logging APIs, bridges and Logback itself: never the caller. */
	private static final List<String> LOGGING_FRAMEWORKS = List.of("ch.qos.logback.", "org.slf4j.",
			"org.apache.commons.logging.", "org.apache.logging.log4j.", "org.apache.logging.slf4j.",
			"java.util.logging.", "sun.util.logging.", "org.apache.juli.logging.", "org.jboss.logging.", "org.springframework.core.log.",
			"org.springframework.boot.logging.");

	/** The most frames a walk asks for in its first batch; deeper callers are still found, in more batches. */
	private static final int MAX_FIRST_BATCH = 64;

	/**
	 * Walkers by first batch size. The JVM fetches a walk's frames in batches, and each frame of a batch
	 * costs (on JDK 17 a {@code StackFrameInfo} is filled, wanted or not) while a batch too small costs
	 * a second, larger one: the best walk asks for just enough frames to reach the caller.
	 */
	private static final StackWalker[] WALKERS = new StackWalker[MAX_FIRST_BATCH + 1];

	static {
		// SHOW_REFLECT_FRAMES: the walker's own reflection filter checks each frame's class name (on JDK 17 a
		// quarter of a 21-frame lookup in JMH); FrameSearch skips those frames instead, one check per class.
		Set<StackWalker.Option> options = Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE,
				StackWalker.Option.SHOW_REFLECT_FRAMES);
		for (int size = 1; size <= MAX_FIRST_BATCH; size++) {
			WALKERS[size] = StackWalker.getInstance(options, size);
		}
	}

	/** A guess before a logger's first walk: a direct SLF4J call takes about 11 from an appender, 16 from an encoder. */
	private static final int DEFAULT_FRAMES_TO_CALLER = 16;

	/**
	 * Frames a first batch needs beyond those the stream shows before the caller (the walk's own; 2 on
	 * JDK 17, 1 on JDK 25), plus one to spare: one frame too few costs a second batch, about twice the walk.
	 */
	private static final int BATCH_MARGIN = 3;

	/**
	 * Packages and classes of the application's own passed over like the logging frameworks' (a logging facade);
	 * replaced whole by {@link #setSkippedPackages}, with the frame kinds worked out for them.
	 */
	private static volatile List<String> skippedPackages = List.of();

	/** The search for the caller, with the skipped packages it was made for. */
	private static volatile FrameSearch search = new FrameSearch(List.of());

	/**
	 * Frames the last walk for each logger needed to reach the caller: the logging API's frames and the
	 * appender's, the same from event to event on one path whatever the application's own stack depth. Keyed
	 * by logger because paths differ by logger (from the appender, an application's fluent SLF4J call takes
	 * about 11 frames, Tomcat's lines through {@code java.util.logging} more); a stale or missing value costs
	 * a batch.
	 */
	private static final Map<String, Integer> FRAMES_TO_CALLER = new ConcurrentHashMap<>();

	/** Loggers remembered at most; past that the memory starts again (a logger per request id, say). */
	private static final int MAX_LOGGERS_REMEMBERED = 4096;

	/** Class name to {@code file} path; bounded by the number of classes that log. */
	private final Map<String, String> filesByClass = new ConcurrentHashMap<>();

	/**
	 * Passes over the frames of these packages or classes too, like a logging framework's: an application's own
	 * logging facade, so a line logged through it reports the facade's caller. Replaces the previous ones.
	 * @param names package or class names ({@code com.acme.logging}, {@code com.acme.Log}); a class matches
	 * when its name is one of them or starts with one followed by {@code .} or {@code $}
	 */
	public static void setSkippedPackages(Collection<String> names) {
		List<String> normalized = names.stream()
			.map(String::trim)
			.map((name) -> name.endsWith(".") ? name.substring(0, name.length() - 1) : name)
			.filter((name) -> !name.isEmpty())
			.distinct()
			.toList();
		if (!normalized.equals(skippedPackages)) {
			skippedPackages = normalized;
			search = new FrameSearch(normalized);
			FRAMES_TO_CALLER.clear();
		}
	}

	/** The packages or classes passed over besides the logging frameworks ({@link #setSkippedPackages}). */
	public static List<String> getSkippedPackages() {
		return skippedPackages;
	}

	/** Whether the class named {@code className} belongs to one of {@code skipped}. */
	static boolean isSkipped(String className, List<String> skipped) {
		for (String name : skipped) {
			if (className.startsWith(name) && (className.length() == name.length()
					|| className.charAt(name.length()) == '.' || className.charAt(name.length()) == '$')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The caller of {@code event}: Logback's caller data when the event already has it (empty caller data
	 * means none was found where the event was logged), else a stack walk.
	 */
	public CallerLocation locate(ILoggingEvent event) {
		if (event.hasCallerData()) {
			return firstOf(event.getCallerData());
		}
		// Recorded at build time (dynamo-logging-maven-plugin) or known to the caller: the same for an encoder in
		// any appender as for the starter's console appender
		StackTraceElement[] recorded = ActiveCallSites.callerDataFor(event);
		if (recorded != null) {
			return firstOf(recorded);
		}
		StackFrame caller = walkToCaller(event.getLoggerName());
		if (caller == null) {
			return UNKNOWN;
		}
		return new CallerLocation(fileOf(caller.getClassName(), caller.getFileName()),
				Math.max(caller.getLineNumber(), 0));
	}

	/** The location of the first frame of Logback caller data; none (empty) means no caller was found. */
	private CallerLocation firstOf(StackTraceElement[] callerData) {
		if (callerData == null || callerData.length == 0) {
			return UNKNOWN;
		}
		StackTraceElement caller = callerData[0];
		return new CallerLocation(fileOf(caller.getClassName(), caller.getFileName()),
				Math.max(caller.getLineNumber(), 0));
	}


	/**
	 * Stores the caller of the logging call of {@code event} on the current thread as the event's Logback
	 * caller data (empty when there is none), unless the event has caller data already. For an appender: a
	 * walk from there passes fewer frames than one from the encoder, and an appender that hands the event to
	 * another thread must walk here.
	 */
	public static void storeCallerData(ILoggingEvent event) {
		if (!event.hasCallerData() && event instanceof LoggingEvent loggingEvent) {
			// Recorded at build time by dynamo-logging-maven-plugin, where the caller's class was processed
			StackTraceElement[] recorded = ActiveCallSites.callerDataFor(event);
			List<String> skipped = skippedPackages;
			// A call recorded inside a skipped facade is the facade's own: its caller is found by walking.
			if (recorded != null && (skipped.isEmpty() || !isSkipped(recorded[0].getClassName(), skipped))) {
				loggingEvent.setCallerData(recorded);
				return;
			}
			StackFrame caller = walkToCaller(event.getLoggerName());
			loggingEvent.setCallerData((caller != null) ? new StackTraceElement[] { caller.toStackTraceElement() }
					: new StackTraceElement[0]);
		}
	}

	/** Walks the current thread's stack to the caller, fetching as many frames at first as it took last time. */
	private static StackFrame walkToCaller(String loggerName) {
		String key = (loggerName != null) ? loggerName : "";
		Integer known = FRAMES_TO_CALLER.get(key);
		int expected = (known != null) ? known : DEFAULT_FRAMES_TO_CALLER;
		Found found = WALKERS[Math.min(expected + BATCH_MARGIN, MAX_FIRST_BATCH)].walk(search);
		if (found == null) {
			return null;
		}
		if (known == null || known != found.frames()) {
			if (FRAMES_TO_CALLER.size() >= MAX_LOGGERS_REMEMBERED) {
				FRAMES_TO_CALLER.clear();
			}
			FRAMES_TO_CALLER.put(key, found.frames());
		}
		return found.caller();
	}

	/**
	 * Finds the first frame after the logging frameworks' frames, with a plain loop (cheaper than a stream here);
	 * one object for every walk, so a walk allocates no function.
	 */
	private static final class FrameSearch implements Function<Stream<StackFrame>, Found> {

		/** What a frame's class is to the search, worked out once per class instead of per frame. */
		private final ClassValue<FrameKind> kinds;

		FrameSearch(List<String> skipped) {
			this.kinds = new ClassValue<>() {
				@Override
				protected FrameKind computeValue(Class<?> type) {
					return FrameKind.of(type, skipped);
				}
			};
		}

		@Override
		public Found apply(Stream<StackFrame> frames) {
			boolean inLogging = false;
			int count = 0;
			Iterator<StackFrame> iterator = frames.iterator();
			while (iterator.hasNext()) {
				StackFrame frame = iterator.next();
				count++;
				FrameKind kind = this.kinds.get(frame.getDeclaringClass());
				if (kind == FrameKind.LOGGING) {
					inLogging = true;
				}
				else if (inLogging && kind == FrameKind.CODE) {
					return new Found(frame, count);
				}
			}
			return null;
		}

	}

	/** The caller's frame and how many frames the walk took to reach it, itself included. */
	private record Found(StackFrame caller, int frames) {
	}

	/** Logging frameworks are passed over to reach the caller; reflection frames are never the caller. */
	private enum FrameKind {

		LOGGING, REFLECTION, CODE;

		/** Reflection as the JDK's own walker filter sees it: {@code Method.invoke} and what implements it. */
		private static final List<String> REFLECTION_PACKAGES = List.of("java.lang.reflect.", "jdk.internal.reflect.",
				"sun.reflect.", "java.lang.invoke.LambdaForm");

		static FrameKind of(Class<?> type, List<String> skipped) {
			String name = type.getName();
			if (startsWithAny(name, LOGGING_FRAMEWORKS) || isSkipped(name, skipped)) {
				return LOGGING;
			}
			return startsWithAny(name, REFLECTION_PACKAGES) ? REFLECTION : CODE;
		}

		private static boolean startsWithAny(String className, List<String> prefixes) {
			for (String prefix : prefixes) {
				if (className.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

	}

	/** {@code com/example/web/OrderController.java}: the package as a path plus the source file name. */
	private String fileOf(String className, String fileName) {
		String file = this.filesByClass.get(className);
		if (file == null) {
			file = sourcePath(className, fileName);
			this.filesByClass.put(className, file);
		}
		return file;
	}

	static String sourcePath(String className, String fileName) {
		int lastDot = className.lastIndexOf('.');
		String packagePath = (lastDot < 0) ? "" : className.substring(0, lastDot + 1).replace('.', '/');
		if (fileName == null) {
			// Compiled without debug info: the top-level class is the best guess at the source file.
			String simpleName = className.substring(lastDot + 1);
			int nested = simpleName.indexOf('$');
			fileName = ((nested > 0) ? simpleName.substring(0, nested) : simpleName) + ".java";
		}
		return packagePath + fileName;
	}

	/** Where an event was logged. */
	public record CallerLocation(String file, int line) {
	}

}
