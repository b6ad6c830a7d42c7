package io.github.dynamologging.runtime;

import java.security.Principal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerGroup;
import org.springframework.boot.logging.LoggerGroups;
import org.springframework.util.MimeTypeUtils;

/**
 * Boot's {@code /actuator/loggers} write, checked and audited like a {@code dynlog} change
 * (docs/runtime-control.md): the root cannot be set to OFF, {@code dynamo.logging.audit} cannot be silenced,
 * the logger creation limits hold, and each write gets one audit line naming who asked. Boot's own operation
 * still does the write (logger groups included) and its reads are untouched.
 * <p>
 * An invoker advisor, Boot's own way to decorate endpoint operations, rather than a web extension: an
 * extension's operation that answers a body would be mapped beside Boot's bodiless write instead of in its
 * place, and one without a body can refuse only with Boot's error page, which drops the message by default.
 */
class LoggersEndpointWriteAdvisor implements OperationInvokerAdvisor {

	private static final EndpointId LOGGERS = EndpointId.of("loggers");

	private final LevelController controller;

	private final Supplier<LoggerGroups> groups;

	/**
	 * @param controller checks and audits the write
	 * @param groups Boot's logger groups, looked up at the first write
	 */
	LoggersEndpointWriteAdvisor(LevelController controller, Supplier<LoggerGroups> groups) {
		this.controller = controller;
		this.groups = groups;
	}

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (!LOGGERS.equals(endpointId) || operationType != OperationType.WRITE) {
			return invoker;
		}
		return (context) -> write(context, invoker);
	}

	private @Nullable Object write(InvocationContext context, OperationInvoker boot) {
		Object name = context.getArguments().get("name");
		Object requested = context.getArguments().get("configuredLevel");
		LogLevel level = (requested != null) ? logLevel(requested.toString()) : null;
		if (!(name instanceof String logger) || (requested != null && level == null)) {
			// Not a write Boot accepts; its own answer says why.
			return boot.invoke(context);
		}
		Principal principal = context.canResolve(SecurityContext.class)
				? context.resolveArgument(SecurityContext.class).getPrincipal() : null;
		Object[] result = new Object[1];
		try {
			this.controller.setThroughLoggersEndpoint(logger, (level != null) ? level.name() : null,
					loggers(logger, (level != null) ? LogbackLevels.fromBootLevel(level) : null), (principal != null) ? principal.getName() : null,
					() -> result[0] = boot.invoke(context));
			return result[0];
		}
		catch (InvalidChangeException ex) {
			DynlogError error = DynlogError.badRequest(ex.getMessage());
			return new WebEndpointResponse<>(error, error.status(), MimeTypeUtils.APPLICATION_JSON);
		}
	}

	/** The level as Boot's lenient conversion reads it, or {@code null} when it is none. */
	private static @Nullable LogLevel logLevel(String text) {
		try {
			return LogLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The loggers the write sets: a group's members, as Boot resolves the name first, or the logger. */
	private Map<String, @Nullable Level> loggers(String name, @Nullable Level level) {
		Map<String, @Nullable Level> loggers = new HashMap<>();
		LoggerGroup group = this.groups.get().get(name);
		if (group != null && group.hasMembers()) {
			group.getMembers().forEach((member) -> loggers.put(logbackName(member), level));
		}
		else {
			loggers.put(logbackName(name), level);
		}
		return loggers;
	}

	/** Logback returns its root for any case of "root", and so does Boot. */
	private static String logbackName(String name) {
		return name.equalsIgnoreCase(LogbackLevels.ROOT) ? LogbackLevels.ROOT : name;
	}

}
