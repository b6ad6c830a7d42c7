package io.github.dynamologging.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.filter.FilterLevel;
import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.boot.logging.LoggingSystem;

/**
 * Applies whole filters to Logback at runtime, each for a limited time (docs/runtime-control.md).
 * <p>
 * Semantics, all under one lock:
 * <ul>
 * <li>A change sets the root level (when the filter has one) and each named logger; loggers it does not
 * name keep their levels. It remembers the level each of those loggers had of its own before.</li>
 * <li>At most one change is in force. A new change first undoes the one in force, then applies its own
 * filter: it replaces the previous change entirely, so the levels are always the ones from before any
 * change plus exactly one filter, never a mix of two.</li>
 * <li>When a change's ttl passes, it is undone: each logger it named gets back the level it had of its
 * own before the first change of the chain. A timer of a change that was since replaced or reset does
 * nothing. Levels set meanwhile through {@code /actuator/loggers} on loggers the change did not name stay.</li>
 * <li>{@link #reset} puts every logger back to its level at start (its own level, or none), ending the
 * change in force and any level set through {@code /actuator/loggers} since.</li>
 * </ul>
 * Readers who go through {@link #state()} see the levels before or after a change, never in between.
 * Logging threads read logger levels without this lock, so for the microseconds a change takes they may
 * see some loggers changed and others not yet; Logback has no transaction over several loggers.
 * <p>
 * Each change, expiry and reset writes one INFO line through {@value #AUDIT_LOGGER}. That logger gets a
 * level of its own ({@code info}) at start unless it has one, so no change to {@code root} or to
 * {@code dynamo} can silence it; a change that would silence it is rejected.
 * <p>
 * A change that names loggers that do not exist yet creates them for good (Logback never frees a logger),
 * so {@link LoggerCreationLimits} bound the names and how many loggers all changes may create; the check
 * runs before Logback is touched.
 */
public final class LevelController implements AutoCloseable {

	/** The logger of the audit lines. */
	public static final String AUDIT_LOGGER = "dynamo.logging.audit";

	private final LogbackLevels levels;

	/** The configured levels: at start, updated by config file reloads. Guarded by {@link #lock}. */
	private final Map<String, Level> startupLevels;

	private volatile String startupFilter;

	private final Clock clock;

	private final ScheduledExecutorService scheduler;

	private final boolean ownsScheduler;

	private final Logger audit;

	private final LoggerCreationLimits limits;

	/** How many loggers changes have created so far. Guarded by {@link #lock}. */
	private int createdLoggers;

	private final ReentrantLock lock = new ReentrantLock();

	private @Nullable Change current;

	private long lastGeneration;

	/**
	 * A controller with its own expiry thread, stopped by {@link #close()}.
	 * @param context the Logback context whose levels it controls
	 */
	public LevelController(LoggerContext context) {
		this(context, LoggerCreationLimits.defaults());
	}

	/**
	 * A controller with its own expiry thread, stopped by {@link #close()}.
	 * @param context the Logback context whose levels it controls
	 * @param limits what changes may add to the logger tree
	 */
	public LevelController(LoggerContext context, LoggerCreationLimits limits) {
		this(new LogbackLevels(context), Clock.systemUTC(), newScheduler(), true, limits);
	}

	/**
	 * A controller with its own expiry thread, stopped by {@link #close()}, that writes levels through Spring
	 * Boot's logging system, as {@code /actuator/loggers} does.
	 * @param context the Logback context whose levels it controls
	 * @param loggingSystem Boot's logging system of that context
	 * @param limits what changes may add to the logger tree
	 */
	public LevelController(LoggerContext context, LoggingSystem loggingSystem, LoggerCreationLimits limits) {
		this(new LogbackLevels(context, loggingSystem), Clock.systemUTC(), newScheduler(), true, limits);
	}

	/**
	 * @param context the Logback context whose levels it controls
	 * @param clock the clock of {@code expiresAt}
	 * @param scheduler runs expiries; the caller stops it
	 */
	public LevelController(LoggerContext context, Clock clock, ScheduledExecutorService scheduler) {
		this(new LogbackLevels(context), clock, scheduler, false, LoggerCreationLimits.defaults());
	}

	/**
	 * @param context the Logback context whose levels it controls
	 * @param clock the clock of {@code expiresAt}
	 * @param scheduler runs expiries; the caller stops it
	 * @param limits what changes may add to the logger tree
	 */
	public LevelController(LoggerContext context, Clock clock, ScheduledExecutorService scheduler,
			LoggerCreationLimits limits) {
		this(new LogbackLevels(context), clock, scheduler, false, limits);
	}

	private LevelController(LogbackLevels levels, Clock clock, ScheduledExecutorService scheduler,
			boolean ownsScheduler, LoggerCreationLimits limits) {
		this.levels = levels;
		this.limits = limits;
		this.clock = clock;
		this.scheduler = scheduler;
		this.ownsScheduler = ownsScheduler;
		this.audit = levels.logger(AUDIT_LOGGER);
		if (this.levels.levelOf(AUDIT_LOGGER) == null) {
			// Its own level keeps a root of warn (a common runtime filter) from silencing the audit.
			this.levels.setLevel(AUDIT_LOGGER, Level.INFO);
		}
		this.startupLevels = new TreeMap<>(this.levels.explicitLevels());
		this.startupFilter = LogbackLevels.toFilter(this.startupLevels).toFilterString();
	}

	private static ScheduledExecutorService newScheduler() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "dynlog-expiry");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	/**
	 * The configured filter: the root level and every logger that had a level of its own at start, as
	 * updated by {@link #reconfigure} since.
	 */
	public String startupFilter() {
		return this.startupFilter;
	}

	/** The live levels and the change in force. */
	public LevelState state() {
		this.lock.lock();
		try {
			return stateLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Applies a whole filter, replacing the change in force.
	 * @param filter the filter, already checked by {@link ChangeRules}
	 * @param ttl how long it stays, {@code null} for a permanent change
	 * @param reason why, for the audit line; may be {@code null}
	 * @param principal who, for the audit line; {@code null} when unknown
	 * @return the state after the change
	 * @throws InvalidChangeException if the filter would silence {@value #AUDIT_LOGGER}, or breaks the
	 * {@link LoggerCreationLimits}; nothing changes
	 */
	public LevelState apply(LogFilter filter, @Nullable Duration ttl, @Nullable String reason,
			@Nullable String principal) {
		this.lock.lock();
		try {
			Map<String, Level> undo = (this.current != null) ? this.current.previousLevels : Map.of();
			checkAuditStaysAudible(filter, undo);
			Map<String, Level> targets = targets(filter);
			Set<String> creating = checkCreation(targets, (target) -> "Invalid directive '"
					+ LoggerCreationLimits.quote(target + "=" + filter.targetLevels().get(target).filterName()) + "'");
			String oldFilter = currentFilter();
			undoCurrent();
			Map<String, Level> previous = new HashMap<>();
			targets.forEach((target, level) -> {
				previous.put(target, this.levels.levelOf(target));
				this.levels.setLevel(target, level);
			});
			this.createdLoggers += creating.size();
			long generation = ++this.lastGeneration;
			Instant expiresAt = (ttl != null) ? this.clock.instant().plus(ttl) : null;
			ScheduledFuture<?> timer = (ttl != null)
					? this.scheduler.schedule(() -> expire(generation), ttl.toMillis(), TimeUnit.MILLISECONDS) : null;
			this.current = new Change(generation, filter, previous, expiresAt, ttl, reason, timer);
			writeAudit("Log levels changed", "apply", principal, oldFilter, ttl, reason);
			return stateLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Checks and audits a level set through Spring Boot's {@code /actuator/loggers}, which Boot itself
	 * writes: it may not set the root to off, silence {@value #AUDIT_LOGGER} or break the
	 * {@link LoggerCreationLimits}, like a change through {@code dynlog}. Unlike one, it does not expire and
	 * leaves the change in force alone.
	 * @param name the logger or logger group as requested
	 * @param configuredLevel the level as requested, {@code null} for none of its own
	 * @param loggers each logger the write sets ({@code ROOT} for the root) and its Logback level, {@code null}
	 * for none of its own
	 * @param principal who, for the audit line; {@code null} when unknown
	 * @param write Boot's own operation
	 * @throws InvalidChangeException if a rule is broken; nothing changes
	 */
	public void setThroughLoggersEndpoint(String name, @Nullable String configuredLevel,
			Map<String, @Nullable Level> loggers, @Nullable String principal, Runnable write) {
		String logger = "logger '" + LoggerCreationLimits.quote(name) + "'";
		String asked = (configuredLevel != null) ? "configuredLevel " + configuredLevel + " for " + logger
				: "Removing the level of " + logger;
		this.lock.lock();
		try {
			if (loggers.containsKey(LogbackLevels.ROOT) && loggers.get(LogbackLevels.ROOT) == Level.OFF) {
				throw new InvalidChangeException(asked + " is refused: the root level cannot be set to OFF at runtime "
						+ "(every log line, errors included, would be lost); use ERROR to keep only errors");
			}
			if (silencingTarget(loggers, Map.of()) != null) {
				throw new InvalidChangeException(asked + " is refused: it would silence the audit logger " + AUDIT_LOGGER
						+ ", which records every change at INFO; its level can be INFO, DEBUG or TRACE");
			}
			Set<String> creating = checkCreation(loggers, (target) -> asked + " is refused");
			String oldFilter = currentFilter();
			write.run();
			this.createdLoggers += creating.size();
			auditLine("Log level changed through /actuator/loggers", "loggers", principal).addKeyValue("logger", name)
				.addKeyValue("configured_level", String.valueOf(configuredLevel))
				.addKeyValue("old_filter", oldFilter)
				.addKeyValue("new_filter", currentFilter())
				.log();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Puts every logger back to its level at start and ends the change in force.
	 * @param principal who, for the audit line; {@code null} when unknown
	 * @return the state after the reset
	 */
	public LevelState reset(@Nullable String principal) {
		this.lock.lock();
		try {
			String oldFilter = currentFilter();
			if (this.current != null && this.current.timer != null) {
				this.current.timer.cancel(false);
			}
			this.current = null;
			for (String name : this.levels.loggerNames()) {
				this.levels.setLevel(name, this.startupLevels.get(name));
			}
			writeAudit("Log levels reset to the startup filter", "reset", principal, oldFilter, null, null);
			return stateLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sets configured levels that changed (a config file was edited). A logger that the change in force
	 * names keeps its runtime level; it gets the new configured level when that change ends. The new
	 * levels also become what {@link #reset} goes back to.
	 * @param configured each logger whose configured level changed, with the new level or {@code null}
	 * for none
	 * @param source what changed, for the audit line
	 * @return the state after it
	 */
	public LevelState reconfigure(Map<String, @Nullable Level> configured, String source) {
		this.lock.lock();
		try {
			String oldFilter = currentFilter();
			Change change = this.current;
			configured.forEach((name, configuredLevel) -> {
				// The audit logger keeps a level of its own, as at start.
				Level level = (configuredLevel == null && AUDIT_LOGGER.equals(name)) ? Level.INFO : configuredLevel;
				if (level != null) {
					this.startupLevels.put(name, level);
				}
				else {
					this.startupLevels.remove(name);
				}
				if (change != null && change.previousLevels.containsKey(name)) {
					change.previousLevels.put(name, level);
				}
				else {
					this.levels.setLevel(name, level);
				}
			});
			this.startupFilter = LogbackLevels.toFilter(this.startupLevels).toFilterString();
			this.audit.atInfo()
				.setMessage("Configured log levels reloaded")
				.addKeyValue("action", "reload")
				.addKeyValue("source", source)
				.addKeyValue("old_filter", oldFilter)
				.addKeyValue("new_filter", currentFilter())
				.log();
			return stateLocked();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Undoes the change of this generation, unless it was replaced or reset since. */
	private void expire(long generation) {
		this.lock.lock();
		try {
			Change change = this.current;
			if (change == null || change.generation != generation) {
				return;
			}
			String oldFilter = currentFilter();
			undoCurrent();
			writeAudit("Log level change expired", "expire", null, oldFilter, change.ttl, change.reason);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Undoes the change in force (a change lives no longer than its controller, e.g. when an application
	 * context closes and another one in the same JVM goes on logging) and stops the own expiry thread.
	 */
	@Override
	public void close() {
		this.lock.lock();
		try {
			undoCurrent();
		}
		finally {
			this.lock.unlock();
		}
		if (this.ownsScheduler) {
			this.scheduler.shutdownNow();
		}
	}

	private void undoCurrent() {
		Change change = this.current;
		if (change == null) {
			return;
		}
		if (change.timer != null) {
			change.timer.cancel(false);
		}
		change.previousLevels.forEach(this.levels::setLevel);
		this.current = null;
	}

	/**
	 * Checks the names a change sets against the {@link #limits}, and returns the loggers it would create.
	 * Touches no logger: the names are checked before they are looked up, and looked up without creating.
	 * @param targets the loggers the change sets, {@code ROOT} among them or not
	 * @param asked how a name was asked for, the start of a message
	 */
	private Set<String> checkCreation(Map<String, ? extends @Nullable Level> targets, Function<String, String> asked) {
		for (String name : targets.keySet()) {
			if (!LogbackLevels.ROOT.equalsIgnoreCase(name)) {
				this.limits.checkName(name, asked.apply(name));
			}
		}
		Set<String> creating = new LinkedHashSet<>();
		targets.keySet().forEach((name) -> this.levels.addMissing(name, creating));
		if (!creating.isEmpty()) {
			this.limits.checkNewLoggers(this.createdLoggers, creating.size(), creating.iterator().next());
		}
		return creating;
	}

	/**
	 * Rejects a filter under which the audit logger would drop its INFO lines (unless it already did:
	 * an operator who silenced it at start may still change other levels).
	 */
	private void checkAuditStaysAudible(LogFilter filter, Map<String, Level> undo) {
		String blamed = silencingTarget(targets(filter), undo);
		if (blamed != null) {
			FilterLevel level = filter.targetLevels().get(blamed);
			String directive = (level == null) ? filter.rootLevel().orElseThrow().filterName()
					: blamed + "=" + level.filterName();
			throw new InvalidChangeException("Invalid directive '" + directive + "': it would silence the audit logger "
					+ AUDIT_LOGGER + ", which records every change at info; its level can be info, debug or trace");
		}
	}

	/**
	 * The logger among {@code changed} to blame when setting {@code changed} (after undoing {@code undo})
	 * would make the audit logger drop its INFO lines, which it did not before; {@code null} when it would not.
	 * @param changed loggers and their new level, {@code null} for none of their own
	 * @param undo loggers set back first, and their level then
	 */
	private @Nullable String silencingTarget(Map<String, ? extends @Nullable Level> changed,
			Map<String, ? extends @Nullable Level> undo) {
		Function<String, Level> after = (name) -> {
			if (changed.containsKey(name)) {
				return changed.get(name);
			}
			return undo.containsKey(name) ? undo.get(name) : this.levels.levelOf(name);
		};
		String decidedBy = decidingLogger(after);
		Level before = this.levels.levelOf(decidingLogger(this.levels::levelOf));
		if (!silencesInfo(after.apply(decidedBy)) || silencesInfo(before)) {
			return null;
		}
		// The changed logger nearest the audit logger on its way up to the one that decides: that one itself,
		// or one below it that lost its own level.
		for (String name = AUDIT_LOGGER; name != null; name = parent(name)) {
			if (changed.containsKey(name)) {
				return name;
			}
			if (name.equals(decidedBy)) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable String parent(String name) {
		if (LogbackLevels.ROOT.equals(name)) {
			return null;
		}
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? LogbackLevels.ROOT : name.substring(0, dot);
	}

	/** The nearest of the audit logger and its ancestors (ROOT last) that has a level of its own. */
	private static String decidingLogger(Function<String, Level> levelOf) {
		String name = AUDIT_LOGGER;
		while (levelOf.apply(name) == null && !LogbackLevels.ROOT.equals(name)) {
			name = parent(name);
		}
		return name;
	}

	private static boolean silencesInfo(@Nullable Level level) {
		return level != null && level.toInt() > Level.INFO_INT;
	}

	/** The logger names and Logback levels a filter sets, ROOT first. */
	private static Map<String, Level> targets(LogFilter filter) {
		Map<String, Level> targets = new LinkedHashMap<>();
		filter.rootLevel().ifPresent((level) -> targets.put(LogbackLevels.ROOT, LogbackLevels.toLogbackLevel(level)));
		filter.targetLevels().forEach((target, level) -> targets.put(target, LogbackLevels.toLogbackLevel(level)));
		return targets;
	}

	private String currentFilter() {
		return LogbackLevels.toFilter(this.levels.explicitLevels()).toFilterString();
	}

	private LevelState stateLocked() {
		List<LevelOverride> overrides = new ArrayList<>();
		Change change = this.current;
		if (change != null) {
			String expiresAt = (change.expiresAt != null) ? change.expiresAt.toString() : null;
			change.filter.rootLevel()
				.ifPresent((level) -> overrides.add(new LevelOverride(LogbackLevels.ROOT, level.filterName(), expiresAt)));
			change.filter.targetLevels()
				.forEach((target, level) -> overrides.add(new LevelOverride(target, level.filterName(), expiresAt)));
		}
		return new LevelState(currentFilter(), this.startupFilter, overrides);
	}

	private void writeAudit(String message, String action, @Nullable String principal, String oldFilter,
			@Nullable Duration ttl, @Nullable String reason) {
		LoggingEventBuilder line = auditLine(message, action, principal).addKeyValue("old_filter", oldFilter)
			.addKeyValue("new_filter", currentFilter());
		if (action.equals("apply") || action.equals("expire")) {
			line = line.addKeyValue("ttl", (ttl != null) ? ttl.toString() : ChangeRules.PERMANENT);
		}
		if (reason != null) {
			line = line.addKeyValue("reason", reason);
		}
		line.log();
	}

	private LoggingEventBuilder auditLine(String message, String action, @Nullable String principal) {
		LoggingEventBuilder line = this.audit.atInfo().setMessage(message).addKeyValue("action", action);
		return (principal != null) ? line.addKeyValue("principal", principal) : line;
	}

	/** The change in force: what it set, what it replaced, and its timer. */
	private record Change(long generation, LogFilter filter, Map<String, Level> previousLevels,
			@Nullable Instant expiresAt, @Nullable Duration ttl, @Nullable String reason,
			@Nullable ScheduledFuture<?> timer) {
	}

}
