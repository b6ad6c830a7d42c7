package io.github.dynamologging.callsite;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import io.github.dynamologging.callsite.internal.ActiveCallSites;
import org.slf4j.spi.NOPLoggingEventBuilder;

/**
 * Builds the method handle a rewritten call site is linked to: the original call between
 * {@link ActiveCallSites#enter} and {@link ActiveCallSites#exit}, skipped where the original call would
 * certainly do nothing. Method handles rather than generated code: the JIT inlines a constant call site's
 * chain, site and all, into the caller.
 */
final class CallChains {

	private static final MethodHandle ENTER;

	private static final MethodHandle EXIT;

	private static final MethodHandle IS_NOP_BUILDER;

	private static final MethodHandle FLUENT_LOGGER_NAME;

	private static final MethodHandle FLUENT_MESSAGE;

	/** {@code (Object logger, int level)boolean}; null when Logback is not there to ask. */
	private static final MethodHandle LOGBACK_LEVEL_OFF;

	static {
		MethodHandles.Lookup lookup = MethodHandles.lookup();
		try {
			ENTER = lookup.findStatic(ActiveCallSites.class, "enter", MethodType.methodType(void.class,
					StackTraceElement[].class, String.class, String.class));
			EXIT = lookup.findStatic(ActiveCallSites.class, "exit", MethodType.methodType(void.class));
			IS_NOP_BUILDER = lookup.findStatic(CallChains.class, "isNopBuilder",
					MethodType.methodType(boolean.class, Object.class));
			FLUENT_LOGGER_NAME = lookup.findStatic(FluentEvents.class, "loggerName",
					MethodType.methodType(String.class, Object.class));
			FLUENT_MESSAGE = lookup.findStatic(FluentEvents.class, "message",
					MethodType.methodType(String.class, Object.class));
			LOGBACK_LEVEL_OFF = logbackPresent() ? lookup.findStatic(LogbackLevelCheck.class, "isOff",
					MethodType.methodType(boolean.class, Object.class, int.class)) : null;
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private CallChains() {
	}

	/**
	 * {@code logger.<level>(...)}: recorded and called, or nothing at all when Logback would return at its
	 * level check.
	 * @param call the original call, {@code (Logger, args...)void}
	 * @param message the index of the message argument, -1 for none
	 */
	static MethodHandle classic(MethodHandles.Lookup caller, MethodHandle call, StackTraceElement[] site,
			String level, int message) throws ReflectiveOperationException {
		MethodType type = call.type();
		MethodHandle loggerName = caller.findVirtual(type.parameterType(0), "getName",
				MethodType.methodType(String.class));
		MethodHandle recorded = recorded(call, enter(site, type, loggerName, message, null));
		int levelInt = (LOGBACK_LEVEL_OFF != null) ? LogbackLevelCheck.levelOf(level) : -1;
		if (levelInt < 0) {
			return recorded;
		}
		MethodHandle off = MethodHandles.insertArguments(LOGBACK_LEVEL_OFF, 1, levelInt)
			.asType(MethodType.methodType(boolean.class, type.parameterType(0)));
		return MethodHandles.guardWithTest(dropAllButFirst(off, type), MethodHandles.empty(type), recorded);
	}

	/**
	 * {@code builder.log(...)}: recorded and called, or nothing at all when the builder is SLF4J's no-op one
	 * (the statement's level was off when the builder was made).
	 */
	static MethodHandle fluent(MethodHandle call, StackTraceElement[] site, int message) {
		MethodType type = call.type();
		MethodType ofBuilder = MethodType.methodType(String.class, type.parameterType(0));
		// log() logs the message set on the builder before; log(Supplier) one that does not exist yet
		MethodHandle messageOfBuilder = (type.parameterCount() == 1) ? FLUENT_MESSAGE.asType(ofBuilder) : null;
		MethodHandle enter = enter(site, type, FLUENT_LOGGER_NAME.asType(ofBuilder), message, messageOfBuilder);
		MethodHandle nop = IS_NOP_BUILDER.asType(MethodType.methodType(boolean.class, type.parameterType(0)));
		return MethodHandles.guardWithTest(dropAllButFirst(nop, type), MethodHandles.empty(type),
				recorded(call, enter));
	}

	/**
	 * {@code enter(site, loggerName(receiver), message)} as a handle of the call's parameters.
	 * @param message the index of the message argument, or -1
	 * @param messageOfReceiver where the message comes from when no argument is it; null for none
	 */
	private static MethodHandle enter(StackTraceElement[] site, MethodType type, MethodHandle loggerName, int message,
			MethodHandle messageOfReceiver) {
		// (receiver, String message)void
		MethodHandle enter = MethodHandles.filterArguments(MethodHandles.insertArguments(ENTER, 0, (Object) site), 0,
				loggerName);
		if (message >= 0) {
			return MethodHandles.permuteArguments(enter, type, 0, message);
		}
		if (messageOfReceiver != null) {
			return dropAllButFirst(MethodHandles.permuteArguments(
					MethodHandles.filterArguments(enter, 1, messageOfReceiver),
					MethodType.methodType(void.class, type.parameterType(0)), 0, 0), type);
		}
		return dropAllButFirst(MethodHandles.insertArguments(enter, 1, (Object) null), type);
	}

	/** {@code enter(args); try { call(args); } finally { exit(); }} */
	private static MethodHandle recorded(MethodHandle call, MethodHandle enter) {
		MethodHandle body = MethodHandles.tryFinally(call, MethodHandles.dropArguments(EXIT, 0, Throwable.class));
		return MethodHandles.foldArguments(body, enter);
	}

	/** {@code handle}, which takes the receiver only, as a handle of the call's whole parameter list. */
	private static MethodHandle dropAllButFirst(MethodHandle handle, MethodType type) {
		return MethodHandles.dropArguments(handle, 1, type.parameterList().subList(1, type.parameterCount()));
	}

	private static boolean isNopBuilder(Object builder) {
		return builder instanceof NOPLoggingEventBuilder;
	}

	private static boolean logbackPresent() {
		try {
			Class.forName("ch.qos.logback.classic.Logger", false, CallChains.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
