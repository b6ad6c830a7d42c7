package io.github.dynamologging.format;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Finds the {@code file} and {@code line} of the code that logged an event.
 * <p>
 * Logback's own caller data builds a {@code Throwable} and copies the whole stack; a {@link StackWalker}
 * materialises frames lazily and stops at the caller, which is much cheaper. It must run on the thread
 * that logged, while the logging call is still on the stack (synchronous appenders; an asynchronous one
 * stores {@link #callerData()} in the event before queueing it). The caller is the first frame after the
 * logging frameworks' frames.
 */
public final class CallerLocator {

	/** Shown when no caller can be found, e.g. an event built by hand or replayed from elsewhere. */
	public static final CallerLocation UNKNOWN = new CallerLocation("unknown", 0);

	/** Packages of logging APIs, bridges and Logback itself: never the caller. */
	private static final List<String> LOGGING_FRAMEWORKS = List.of("ch.qos.logback.", "org.slf4j.",
			"org.apache.commons.logging.", "org.apache.logging.log4j.", "org.apache.logging.slf4j.",
			"java.util.logging.", "sun.util.logging.", "org.apache.juli.logging.", "org.jboss.logging.", "org.springframework.core.log.",
			"org.springframework.boot.logging.");

	private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	/** Whether a class belongs to a logging framework, worked out once per class instead of per frame. */
	private static final ClassValue<Boolean> LOGGING_FRAMEWORK = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			return isLoggingFramework(type.getName());
		}
	};

	/** Class name to {@code file} path; bounded by the number of classes that log. */
	private final Map<String, String> filesByClass = new ConcurrentHashMap<>();

	/**
	 * The caller of {@code event}: Logback's caller data when the event already has it (empty caller data
	 * means none was found where the event was logged), else a stack walk.
	 */
	public CallerLocation locate(ILoggingEvent event) {
		if (event.hasCallerData()) {
			StackTraceElement[] callerData = event.getCallerData();
			if (callerData == null || callerData.length == 0) {
				return UNKNOWN;
			}
			StackTraceElement caller = callerData[0];
			return new CallerLocation(fileOf(caller.getClassName(), caller.getFileName()),
					Math.max(caller.getLineNumber(), 0));
		}
		StackFrame caller = WALKER.walk(CallerLocator::firstAfterLogging);
		return (caller != null) ? new CallerLocation(fileOf(caller.getClassName(), caller.getFileName()),
				Math.max(caller.getLineNumber(), 0)) : UNKNOWN;
	}

	/**
	 * The caller of the logging call on the current thread as Logback caller data (empty when there is
	 * none), for an appender that hands the event to another thread: there the stack is the worker's.
	 */
	public static StackTraceElement[] callerData() {
		StackFrame caller = WALKER.walk(CallerLocator::firstAfterLogging);
		return (caller != null) ? new StackTraceElement[] { caller.toStackTraceElement() } : new StackTraceElement[0];
	}

	/** The first frame after the logging frameworks' frames; a plain loop, cheaper than a stream here. */
	private static StackFrame firstAfterLogging(Stream<StackFrame> frames) {
		boolean inLogging = false;
		Iterator<StackFrame> iterator = frames.iterator();
		while (iterator.hasNext()) {
			StackFrame frame = iterator.next();
			if (LOGGING_FRAMEWORK.get(frame.getDeclaringClass())) {
				inLogging = true;
			}
			else if (inLogging) {
				return frame;
			}
		}
		return null;
	}

	private static boolean isLoggingFramework(String className) {
		for (String prefix : LOGGING_FRAMEWORKS) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
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
