package io.github.dynamologging.runtime;

import java.security.Principal;
import java.util.List;

import io.github.dynamologging.filter.FilterWarning;
import io.github.dynamologging.filter.LogFilter;
import io.github.dynamologging.rules.InvalidRuleException;
import io.github.dynamologging.rules.RequestRules;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.ClassUtils;

/**
 * The {@code dynlog} actuator endpoint (docs/runtime-control.md): reads the levels, applies a whole filter for a limited
 * time, resets to the startup filter. Over HTTP, {@link DynlogEndpointWebExtension} answers rejected
 * changes with 400 or 403 and a message.
 */
@Endpoint(id = "dynlog")
public class DynlogEndpoint {

	static final String NOT_AUTHENTICATED = "changing log levels needs an authenticated user: Spring Security is "
			+ "present, but this request was not authenticated";

	private final LevelController controller;

	private final ChangeRules rules;

	private final String format;

	private final ConfigFiles configFiles;

	private final boolean writesNeedPrincipal;

	private final @Nullable RequestRules requestRules;

	/**
	 * @param controller applies the changes
	 * @param rules what a change may ask for
	 * @param format the console format, shown as it is
	 * @param configFiles the TOML files that applied, at start or at the last reload
	 * @param writesNeedPrincipal whether a change without an authenticated principal is refused
	 * (Spring Security is present)
	 * @param requestRules the per-request rules, {@code null} when there are none (SLF4J not bound to Logback)
	 */
	DynlogEndpoint(LevelController controller, ChangeRules rules, String format, ConfigFiles configFiles,
			boolean writesNeedPrincipal, @Nullable RequestRules requestRules) {
		this.controller = controller;
		this.rules = rules;
		this.format = format;
		this.configFiles = configFiles;
		this.writesNeedPrincipal = writesNeedPrincipal;
		this.requestRules = requestRules;
	}

	@ReadOperation
	public DynlogDescriptor levels() {
		return describe(this.controller.state());
	}

	/**
	 * Applies a whole filter, replacing the change in force; or, with {@code match}, adds a per-request rule
	 * that applies the filter only while handling the requests it matches.
	 * @param filter the filter string, e.g. {@code warn,com.example.api=trace}
	 * @param ttl ISO-8601 duration, or {@code permanent} when allowed; default from the settings
	 * @param reason why, for the audit line
	 * @param match the {@code match} object of a per-request rule as JSON text, or {@code null}
	 * @param securityContext who asks
	 * @return the levels after the change, with a warning for each bare word in the filter that looks like a
	 * misspelt level (it still sets that logger to trace)
	 * @throws InvalidChangeException if the change breaks a rule; nothing changed
	 * @throws ChangeNotAllowedException if nobody is authenticated but must be
	 */
	@WriteOperation
	public DynlogDescriptor change(@Nullable String filter, @Nullable String ttl, @Nullable String reason,
			@Nullable String match, SecurityContext securityContext) {
		if (match != null) {
			return addRequestRule(filter, ttl, reason, match, principal(securityContext));
		}
		String principal = principal(securityContext);
		List<String> warnings = LogFilter.levelLookalikes(filter).stream().map(FilterWarning::message).toList();
		return describe(this.controller.apply(this.rules.parseFilter(filter), this.rules.parseTtl(ttl),
				this.rules.checkReason(reason), principal))
			.withWarnings(warnings);
	}

	/**
	 * Puts every logger back to its level at start and removes every per-request rule.
	 * @param securityContext who asks
	 * @return the levels after the reset
	 * @throws ChangeNotAllowedException if nobody is authenticated but must be
	 */
	@DeleteOperation
	public DynlogDescriptor reset(SecurityContext securityContext) {
		String principal = principal(securityContext);
		if (this.requestRules != null) {
			this.requestRules.removeAll(principal);
		}
		return describe(this.controller.reset(principal));
	}

	/**
	 * Removes one per-request rule ({@code DELETE /actuator/dynlog/{rule}}); levels stay as they are.
	 * @param rule the rule's id
	 * @param securityContext who asks
	 * @return the levels and rules after the removal
	 * @throws io.github.dynamologging.rules.UnknownRuleException if no rule has this id
	 */
	@DeleteOperation
	public DynlogDescriptor removeRule(@Selector String rule, SecurityContext securityContext) {
		requestRules().remove(rule, principal(securityContext));
		return levels();
	}

	private DynlogDescriptor addRequestRule(@Nullable String filter, @Nullable String ttl, @Nullable String reason,
			String match, @Nullable String principal) {
		LogFilter parsed = this.rules.parseFilter(filter);
		try {
			requestRules().add(match, parsed, this.rules.parseTtl(ttl), this.rules.checkReason(reason), principal);
		}
		catch (InvalidRuleException ex) {
			throw new InvalidChangeException(ex.getMessage(), ex);
		}
		return levels();
	}

	private RequestRules requestRules() {
		if (this.requestRules == null) {
			throw new InvalidChangeException("Per-request rules need SLF4J bound to Logback");
		}
		return this.requestRules;
	}

	/**
	 * Who asks.
	 * @throws ChangeNotAllowedException if nobody is authenticated but must be
	 */
	@Nullable String principal(SecurityContext securityContext) {
		Principal principal = securityContext.getPrincipal();
		if (principal == null && this.writesNeedPrincipal) {
			throw new ChangeNotAllowedException(NOT_AUTHENTICATED);
		}
		return (principal != null) ? principal.getName() : null;
	}

	/** Whether Spring Security is present, so that changes need an authenticated principal. */
	static boolean writesNeedPrincipal() {
		return ClassUtils.isPresent("org.springframework.security.core.Authentication",
				DynlogEndpoint.class.getClassLoader());
	}

	private DynlogDescriptor describe(LevelState state) {
		ConfigFiles.Applied applied = this.configFiles.applied();
		return new DynlogDescriptor(state.filter(), state.startupFilter(), this.format, state.overrides(),
				applied.source(), applied.hash(), (this.requestRules != null) ? this.requestRules.list() : List.of(),
				null);
	}

}
