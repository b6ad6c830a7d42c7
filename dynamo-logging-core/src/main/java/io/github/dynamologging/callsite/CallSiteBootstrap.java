package io.github.dynamologging.callsite;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import io.github.dynamologging.callsite.internal.ActiveCallSites;

/**
 * Links an SLF4J logging call that the {@code dynamo-logging-maven-plugin} turned into an {@code invokedynamic}
 * (same arguments, the receiver first) to the original call, wrapped so that the call site's class, method,
 * source file and line are recorded on the thread while the call runs ({@link ActiveCallSites}).
 * <p>
 * A classic statement ({@code log.debug(...)}) whose level is off on a Logback logger of a context without
 * TurboFilters is not called at all: Logback would compare the same level and return, so the statement costs
 * what it costs without the plugin. With TurboFilters the original call always runs, so they decide exactly as
 * before. A fluent statement ({@code log.atDebug()...log()}) whose level is off already holds SLF4J's no-op
 * builder, which is likewise not called.
 * <p>
 * The plugin and this class agree on this method's name and descriptor: they are a binary contract, so the
 * plugin and the starter must come from the same release.
 */
public final class CallSiteBootstrap {

	private static final String SLF4J_LOGGER = "org.slf4j.Logger";

	private static final String SLF4J_EVENT_BUILDER = "org.slf4j.spi.LoggingEventBuilder";

	private CallSiteBootstrap() {
	}

	/**
	 * The bootstrap method of every rewritten call.
	 * @param caller the class that makes the call
	 * @param loggingMethod the SLF4J method called ({@code info}, {@code log}, ...)
	 * @param type the call's type: the receiver ({@code Logger} or {@code LoggingEventBuilder}), then the arguments
	 * @param callerMethod the name of the method that makes the call, as a stack frame shows it
	 * @param sourceFile the caller's source file name, empty when the class has none
	 * @param line the call's line as a stack frame shows it, -1 when the class has no line numbers
	 */
	public static CallSite link(MethodHandles.Lookup caller, String loggingMethod, MethodType type,
			String callerMethod, String sourceFile, int line) throws ReflectiveOperationException {
		Class<?> receiver = type.parameterType(0);
		MethodHandle call = caller.findVirtual(receiver, loggingMethod, type.dropParameterTypes(0, 1));
		if (type.returnType() != void.class) {
			return new ConstantCallSite(call);
		}
		StackTraceElement[] site = { new StackTraceElement(caller.lookupClass().getName(), callerMethod,
				sourceFile.isEmpty() ? null : sourceFile, line) };
		int message = messageParameter(type);
		return switch (receiver.getName()) {
			case SLF4J_LOGGER -> new ConstantCallSite(CallChains.classic(caller, call, site, loggingMethod, message));
			case SLF4J_EVENT_BUILDER -> new ConstantCallSite(CallChains.fluent(call, site, message));
			default -> new ConstantCallSite(call);
		};
	}

	/** The first {@code String} argument, the message or its pattern; -1 when the call passes none. */
	private static int messageParameter(MethodType type) {
		for (int i = 1; i < type.parameterCount(); i++) {
			if (type.parameterType(i) == String.class) {
				return i;
			}
		}
		return -1;
	}

}
