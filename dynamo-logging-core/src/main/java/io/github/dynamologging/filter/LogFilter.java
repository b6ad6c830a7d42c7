package io.github.dynamologging.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A Dynamo filter string ({@code DYN_LOG}, the TOML file, the endpoint): an optional root level and a
 * level per target logger. Immutable.
 * <p>
 * Grammar: comma-separated directives, blanks around commas, {@code =} and {@code :} ignored, empty
 * directives skipped. A directive is {@code LEVEL} (the root level), {@code TARGET=LEVEL},
 * {@code TARGET:LEVEL}, or {@code TARGET} alone (meaning {@code TARGET=trace}). A target named
 * {@code root} (any case) sets the root level, as it does in Spring Boot and Logback.
 */
public final class LogFilter {

	private static final String TARGET_RULE = "a target may only contain letters, digits, '.', '_', '$' and '-'";

	private static final String ROOT_TARGET = "root";

	private static final LogFilter EMPTY = new LogFilter(null, Map.of());

	private final FilterLevel rootLevel;

	private final Map<String, FilterLevel> targetLevels;

	private LogFilter(FilterLevel rootLevel, Map<String, FilterLevel> targetLevels) {
		this.rootLevel = rootLevel;
		this.targetLevels = Collections.unmodifiableMap(new LinkedHashMap<>(targetLevels));
	}

	/** The filter that sets nothing. */
	public static LogFilter empty() {
		return EMPTY;
	}

	/**
	 * Builds a filter from parts that were not written as a filter string (e.g. a TOML table).
	 * @param rootLevel the root level, or {@code null} for none
	 * @param targetLevels level per target, in order; a target {@code root} sets the root level
	 * @return the filter
	 * @throws InvalidFilterException if a target breaks the target rule
	 */
	public static LogFilter of(FilterLevel rootLevel, Map<String, FilterLevel> targetLevels) {
		Builder builder = new Builder();
		builder.root(rootLevel);
		targetLevels.forEach((target, level) -> {
			Objects.requireNonNull(level, () -> "level of target " + target);
			String violation = targetRuleViolation(target).orElse(null);
			if (violation != null) {
				throw new InvalidFilterException(new FilterProblem(target + "=" + level.filterName(), violation));
			}
			builder.target(target, level);
		});
		return builder.build();
	}

	/**
	 * Parses a filter string, keeping the valid directives and reporting each invalid one.
	 * @param text the filter string; {@code null} or blank gives the empty filter
	 * @return the filter of the valid directives and the problems of the others
	 */
	public static FilterParseResult parse(String text) {
		Builder builder = new Builder();
		List<FilterProblem> problems = new ArrayList<>();
		for (String directive : directives(text)) {
			try {
				builder.add(directive);
			}
			catch (InvalidFilterException ex) {
				problems.add(ex.problem());
			}
		}
		return new FilterParseResult(builder.build(), problems, levelLookalikes(text));
	}

	/**
	 * The bare words of a filter string that are one edit away from a level name ({@code debgu}): valid
	 * targets, set to trace, but probably meant as the level.
	 * @param text the filter string; may be {@code null}
	 * @return one warning per such directive, in the order written
	 */
	public static List<FilterWarning> levelLookalikes(String text) {
		List<FilterWarning> warnings = new ArrayList<>();
		for (String directive : directives(text)) {
			if (directive.indexOf('=') < 0 && directive.indexOf(':') < 0) {
				FilterLevel.lookalike(directive).ifPresent((level) -> warnings.add(new FilterWarning(directive, level)));
			}
		}
		return warnings;
	}

	/**
	 * Parses a filter string that must be valid as a whole.
	 * @param text the filter string; {@code null} or blank gives the empty filter
	 * @return the filter
	 * @throws InvalidFilterException on the first invalid directive, quoting it and the rule it broke
	 */
	public static LogFilter parseStrict(String text) {
		Builder builder = new Builder();
		directives(text).forEach(builder::add);
		return builder.build();
	}

	/**
	 * Checks a target (logger name) against the target rule.
	 * @param target the target as written
	 * @return why it is not a valid target, or empty when it is one
	 */
	public static Optional<String> targetRuleViolation(String target) {
		if (target == null || target.isEmpty()) {
			return Optional.of("the target is empty");
		}
		if (target.contains("::")) {
			return Optional.of("'::' module paths are Rust targets; write a Java logger name such as com.example.api");
		}
		for (int i = 0; i < target.length(); i++) {
			char c = target.charAt(i);
			if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && c != '$' && c != '-') {
				return Optional.of(TARGET_RULE);
			}
		}
		return Optional.empty();
	}

	private static List<String> directives(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> directives = new ArrayList<>();
		for (String part : text.split(",", -1)) {
			String directive = part.trim();
			if (!directive.isEmpty()) {
				directives.add(directive);
			}
		}
		return directives;
	}

	/** The level of the root logger, if this filter sets one. */
	public Optional<FilterLevel> rootLevel() {
		return Optional.ofNullable(this.rootLevel);
	}

	/** The level per target, in the order the targets were first written. Unmodifiable. */
	public Map<String, FilterLevel> targetLevels() {
		return this.targetLevels;
	}

	/** Whether this filter sets neither a root level nor any target. */
	public boolean isEmpty() {
		return this.rootLevel == null && this.targetLevels.isEmpty();
	}

	/**
	 * Merges this filter over a lower-precedence one: this filter wins for the root level and for a
	 * target both set; targets set only by {@code lower} still apply.
	 * @param lower the filter of a lower-precedence source
	 * @return the merged filter
	 */
	public LogFilter mergedOver(LogFilter lower) {
		Map<String, FilterLevel> merged = new LinkedHashMap<>(lower.targetLevels);
		merged.putAll(this.targetLevels);
		return new LogFilter((this.rootLevel != null) ? this.rootLevel : lower.rootLevel, merged);
	}

	/**
	 * The canonical filter string: the root level first if there is one, then {@code target=level}
	 * joined by {@code ,}. Parsing it gives an equal filter.
	 */
	public String toFilterString() {
		StringJoiner joiner = new StringJoiner(",");
		if (this.rootLevel != null) {
			joiner.add(this.rootLevel.filterName());
		}
		this.targetLevels.forEach((target, level) -> joiner.add(target + "=" + level.filterName()));
		return joiner.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LogFilter that && this.rootLevel == that.rootLevel
				&& this.targetLevels.equals(that.targetLevels);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.rootLevel, this.targetLevels);
	}

	@Override
	public String toString() {
		return "LogFilter[" + toFilterString() + "]";
	}

	/** Collects directives in order; a later directive for the same target or the root wins. */
	private static final class Builder {

		private FilterLevel rootLevel;

		private final Map<String, FilterLevel> targetLevels = new LinkedHashMap<>();

		void root(FilterLevel level) {
			if (level != null) {
				this.rootLevel = level;
			}
		}

		void target(String target, FilterLevel level) {
			if (target.equalsIgnoreCase(ROOT_TARGET)) {
				this.rootLevel = level;
			}
			else {
				this.targetLevels.put(target, level);
			}
		}

		/** Adds one trimmed, non-empty directive. */
		void add(String directive) {
			if (directive.indexOf('[') >= 0 || directive.indexOf('{') >= 0 || directive.indexOf(']') >= 0
					|| directive.indexOf('}') >= 0) {
				throw invalid(directive, "span and field filters (TARGET[span{field=value}]) are not supported; "
						+ "write TARGET=LEVEL");
			}
			int equals = directive.indexOf('=');
			int separator = (equals >= 0) ? equals : directive.indexOf(':');
			if (separator < 0 || directive.contains("::")) {
				addBare(directive);
				return;
			}
			char separatorChar = directive.charAt(separator);
			String target = directive.substring(0, separator).trim();
			String level = directive.substring(separator + 1).trim();
			if (level.indexOf(separatorChar) >= 0) {
				throw invalid(directive, "a directive has at most one '" + separatorChar + "': TARGET"
						+ separatorChar + "LEVEL");
			}
			if (target.isEmpty()) {
				throw invalid(directive, "the target before '" + separatorChar
						+ "' is empty; write TARGET" + separatorChar + "LEVEL, or LEVEL alone for the root level");
			}
			if (level.isEmpty()) {
				throw invalid(directive, "the level after '" + separatorChar + "' is empty; expected "
						+ FilterLevel.ACCEPTED_SPELLINGS);
			}
			FilterLevel parsedLevel = FilterLevel.parse(level)
				.orElseThrow(() -> invalid(directive, notALevel(level)));
			checkTarget(directive, target);
			target(target, parsedLevel);
		}

		/** A directive without a separator: a level, or a target meaning {@code TARGET=trace}. */
		private void addBare(String directive) {
			FilterLevel level = FilterLevel.parse(directive).orElse(null);
			if (level != null) {
				this.rootLevel = level;
				return;
			}
			if (directive.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				throw invalid(directive, notALevel(directive));
			}
			checkTarget(directive, directive);
			target(directive, FilterLevel.TRACE);
		}

		private static void checkTarget(String directive, String target) {
			targetRuleViolation(target).ifPresent((violation) -> {
				throw invalid(directive, violation);
			});
		}

		private static String notALevel(String level) {
			return "'" + level + "' is not a level; expected " + FilterLevel.ACCEPTED_SPELLINGS;
		}

		private static InvalidFilterException invalid(String directive, String reason) {
			return new InvalidFilterException(new FilterProblem(directive, reason));
		}

		LogFilter build() {
			return (this.rootLevel == null && this.targetLevels.isEmpty()) ? EMPTY
					: new LogFilter(this.rootLevel, this.targetLevels);
		}

	}

}
