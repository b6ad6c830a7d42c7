package io.github.dynamologging.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.http.server.PathContainer;

/**
 * The per-request rules in force (docs/runtime-control.md): a rule's filter applies only while a request
 * it matches is handled, on every thread that request's work runs on; process-wide levels stay as they are.
 * <p>
 * At most {@value #MAX_RULES} rules at once, each expiring after its ttl. Adding, removing and expiry
 * write one INFO line each through the audit logger. The turbo filter that lets the lines through is
 * installed only while rules exist here or an entry from another service was honoured and has not
 * expired ({@link RuleGate}).
 */
public final class RequestRules implements AutoCloseable {

	/** Most rules in force at once. */
	public static final int MAX_RULES = 20;

	private static final RequestRule[] NONE = new RequestRule[0];

	private final LoggerContext context;

	private final int maxRequestsPerSecond;

	private final @Nullable RuleBaggage baggage;

	private final Clock clock;

	private final ScheduledExecutorService scheduler;

	private final Logger audit;

	private final ReentrantLock lock = new ReentrantLock();

	/** Copied on write under {@link #lock}; read without it by every request. */
	private volatile RequestRule[] rules = NONE;

	/** Until when (epoch second) an honoured entry from another service may still raise lines. */
	private volatile long honouredUntil;

	/** Whether the gate is held for this registry. Guarded by {@link #lock}. */
	private boolean holding;

	private boolean gateCheckScheduled;

	/**
	 * @param context the Logback context whose lines the rules let through
	 * @param maxRequestsPerSecond how many requests each rule raises per second at most
	 * @param baggage signs and verifies the entries passed between services; {@code null} without a key
	 * @param clock the clock of expiry
	 * @param auditLogger the logger of the audit lines
	 */
	RequestRules(LoggerContext context, int maxRequestsPerSecond, @Nullable RuleBaggage baggage, Clock clock,
			Logger auditLogger) {
		this.context = context;
		this.maxRequestsPerSecond = maxRequestsPerSecond;
		this.baggage = baggage;
		this.clock = clock;
		this.audit = auditLogger;
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "dynlog-rules-expiry");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.scheduler = executor;
	}

	/**
	 * Rules of this process only (no key: nothing passed to or taken from other services), outside an
	 * application context, e.g. to measure what a rule in force costs.
	 * @param context the Logback context whose lines the rules let through
	 * @param maxRequestsPerSecond how many requests each rule raises per second at most
	 * @param auditLogger the logger of the audit lines
	 */
	public static RequestRules local(LoggerContext context, int maxRequestsPerSecond, Logger auditLogger) {
		return new RequestRules(context, maxRequestsPerSecond, null, Clock.systemUTC(), auditLogger);
	}

	/**
	 * Adds a rule.
	 * @param matchJson the {@code match} object as JSON text
	 * @param filter the filter for matched requests, already checked
	 * @param ttl how long the rule stays, {@code null} for a permanent rule
	 * @param reason why, for the audit line; may be {@code null}
	 * @param principal who, for the audit line; {@code null} when unknown
	 * @return the new rule
	 * @throws InvalidRuleException when the match is malformed or {@value #MAX_RULES} rules are in force
	 */
	public RequestRuleView add(String matchJson, LogFilter filter, @Nullable Duration ttl, @Nullable String reason,
			@Nullable String principal) {
		RuleMatch match = RuleMatch.parse(matchJson);
		this.lock.lock();
		try {
			RequestRule[] current = this.rules;
			if (current.length >= MAX_RULES) {
				throw new InvalidRuleException("Invalid request rule: " + MAX_RULES + " request rules are in force, "
						+ "the most allowed at once; remove one (DELETE /actuator/dynlog/{id}) or wait until one expires");
			}
			Instant expiresAt = (ttl != null) ? this.clock.instant().plus(ttl) : null;
			RequestRule rule = new RequestRule(newId(current), match, filter, expiresAt, reason,
					this.maxRequestsPerSecond);
			if (ttl != null) {
				rule.timer(this.scheduler.schedule(() -> expire(rule), ttl.toMillis(), TimeUnit.MILLISECONDS));
			}
			RequestRule[] added = Arrays.copyOf(current, current.length + 1);
			added[current.length] = rule;
			this.rules = added;
			refreshGate();
			LoggingEventBuilder line = auditLine(match.matchesEveryRequest()
					? "Request rule added; it matches every request" : "Request rule added", "rule_add", rule, principal)
				.addKeyValue("ttl", (ttl != null) ? ttl.toString() : "permanent");
			if (match.matchesEveryRequest()) {
				line = line.addKeyValue("matches_every_request", true);
			}
			if (reason != null) {
				line = line.addKeyValue("reason", reason);
			}
			line.log();
			return rule.view();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Removes one rule.
	 * @throws UnknownRuleException when no rule has this id
	 */
	public void remove(String id, @Nullable String principal) {
		this.lock.lock();
		try {
			RequestRule rule = Arrays.stream(this.rules)
				.filter((candidate) -> candidate.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new UnknownRuleException(id));
			drop(rule);
			auditLine("Request rule removed", "rule_remove", rule, principal).log();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Removes every rule. */
	public void removeAll(@Nullable String principal) {
		this.lock.lock();
		try {
			for (RequestRule rule : this.rules) {
				drop(rule);
				auditLine("Request rule removed", "rule_remove", rule, principal).log();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The rules in force, oldest first. */
	public List<RequestRuleView> list() {
		return Arrays.stream(this.rules).map(RequestRule::view).toList();
	}

	/** Whether no request can be raised: no rules and no key to honour other services' entries with. */
	boolean idle() {
		return this.rules.length == 0 && this.baggage == null;
	}

	/**
	 * Decides whether a request is raised, and by which rule: a verified entry from the calling service
	 * first, then the first of the rules here that matches and is below its requests-per-second cap.
	 * @param headerValues a header's values by its name (any case), empty when absent
	 * @param path the path within the application, asked for at most once and only when a rule matches on the
	 * path: parsing it is most of what an idle header rule would cost a request
	 * @return the decision, or {@code null} when no rule applies
	 */
	@Nullable RuleDecision decide(Function<String, List<String>> headerValues, Supplier<PathContainer> path) {
		RuleDecision decision = null;
		if (this.baggage != null) {
			List<String> entries = headerValues.apply("baggage");
			if (!entries.isEmpty()) {
				decision = this.baggage.accept(entries);
				if (decision != null) {
					this.honouredUntil = Math.max(this.honouredUntil,
							RuleBaggage.expiresAt(decision.baggageEntry()).getEpochSecond());
				}
			}
		}
		RequestRule[] current = this.rules;
		if (decision == null && current.length > 0) {
			Instant now = this.clock.instant();
			Supplier<PathContainer> parsedOnce = new ParsedOnce(path);
			for (RequestRule rule : current) {
				if (!rule.expired(now) && rule.match().matches(headerValues, parsedOnce)
						&& rule.admit(now.getEpochSecond())) {
					String entry = (this.baggage != null)
							? this.baggage.sign(rule.id(), rule.levels().filter(), rule.expiresAt()) : null;
					decision = new RuleDecision(rule.id(), rule.levels(), entry);
					break;
				}
			}
		}
		if (decision != null && !RuleGate.installed(this.context)) {
			refreshGateLocked();
		}
		return decision;
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			for (RequestRule rule : this.rules) {
				rule.cancelTimer();
			}
			this.rules = NONE;
			this.honouredUntil = 0;
			RuleGate.release(this, this.context);
			this.holding = false;
		}
		finally {
			this.lock.unlock();
		}
		this.scheduler.shutdownNow();
	}

	private void expire(RequestRule rule) {
		this.lock.lock();
		try {
			if (Arrays.asList(this.rules).contains(rule)) {
				drop(rule);
				auditLine("Request rule expired", "rule_expire", rule, null).log();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void drop(RequestRule rule) {
		rule.cancelTimer();
		List<RequestRule> kept = new ArrayList<>(Arrays.asList(this.rules));
		kept.remove(rule);
		this.rules = kept.toArray(NONE);
		refreshGate();
	}

	private void refreshGateLocked() {
		this.lock.lock();
		try {
			refreshGate();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Holds the gate while rules exist or an honoured entry is still valid, else releases it. */
	private void refreshGate() {
		long now = this.clock.instant().getEpochSecond();
		if (this.rules.length > 0 || this.honouredUntil > now) {
			RuleGate.hold(this, this.context);
			this.holding = true;
			if (this.rules.length == 0 && !this.gateCheckScheduled) {
				this.gateCheckScheduled = true;
				this.scheduler.schedule(() -> {
					this.lock.lock();
					try {
						this.gateCheckScheduled = false;
						refreshGate();
					}
					finally {
						this.lock.unlock();
					}
				}, this.honouredUntil - now + 1, TimeUnit.SECONDS);
			}
		}
		else if (this.holding) {
			RuleGate.release(this, this.context);
			this.holding = false;
		}
	}

	private LoggingEventBuilder auditLine(String message, String action, RequestRule rule,
			@Nullable String principal) {
		LoggingEventBuilder line = this.audit.atInfo().setMessage(message).addKeyValue("action", action);
		if (principal != null) {
			line = line.addKeyValue("principal", principal);
		}
		return line.addKeyValue("rule", rule.id())
			.addKeyValue("match", rule.match().toJson())
			.addKeyValue("filter", rule.levels().filter().toFilterString());
	}

	private static String newId(RequestRule[] current) {
		while (true) {
			String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
			if (Arrays.stream(current).noneMatch((rule) -> rule.id().equals(id))) {
				return id;
			}
		}
	}

	/** The request's path, parsed the first time a rule asks for it and kept for the next rules. */
	private static final class ParsedOnce implements Supplier<PathContainer> {

		private final Supplier<PathContainer> parse;

		private @Nullable PathContainer parsed;

		ParsedOnce(Supplier<PathContainer> parse) {
			this.parse = parse;
		}

		@Override
		public PathContainer get() {
			PathContainer path = this.parsed;
			if (path == null) {
				path = this.parse.get();
				this.parsed = path;
			}
			return path;
		}

	}

}
