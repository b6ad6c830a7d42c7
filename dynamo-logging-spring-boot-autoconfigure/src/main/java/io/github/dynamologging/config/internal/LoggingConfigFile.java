package io.github.dynamologging.config.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.dynamologging.config.internal.ConfigFileBytes;
import io.github.dynamologging.filter.FilterLevel;
import io.github.dynamologging.filter.LogFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Dynamo's logging TOML file (docs/configuration.md), read without Spring so a file watcher can re-read it and reject
 * a bad edit with the same messages:
 * <pre>
 * log_level = "warn"
 * [log_filters]
 * "com.example.api" = "debug"
 * </pre>
 * Unquoted dotted keys in {@code [log_filters]} ({@code com.example.api = "debug"}) are TOML sub-tables;
 * they are read back as the dotted logger name the user meant.
 * @param path the file
 * @param filter {@code log_level} as the root level, {@code [log_filters]} as target levels
 * @param warnings one line per unknown key, ready to log
 *
 * Not API: may change in any release.
 */
public record LoggingConfigFile(Path path, LogFilter filter, List<String> warnings) {

	/** The key of the root level. */
	public static final String LOG_LEVEL_KEY = "log_level";

	/** The key of the table of target levels. */
	public static final String LOG_FILTERS_KEY = "log_filters";

	private static final TomlMapper TOML = new TomlMapper();

	public LoggingConfigFile {
		warnings = List.copyOf(warnings);
	}

	/**
	 * Reads the file if it exists.
	 * @param file the file
	 * @return the file's contents, or empty when there is no such file
	 * @throws InvalidLoggingConfigFileException if it exists but cannot be read or used
	 */
	public static Optional<LoggingConfigFile> readIfExists(Path file) {
		return ConfigFileBytes.readIfExists(file).map((bytes) -> parse(file, bytes));
	}

	/**
	 * Reads bytes that came from {@code file}.
	 * @throws InvalidLoggingConfigFileException if they are not UTF-8 or not a usable TOML file
	 */
	public static LoggingConfigFile parse(Path file, byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidLoggingConfigFileException(file, 0, 0, "it is not UTF-8 text",
					"save it as UTF-8, the only encoding TOML allows", ex);
		}
		return parse(file, text);
	}

	/** Reads TOML text that came from {@code file}. */
	static LoggingConfigFile parse(Path file, String text) {
		return new Document(file, text).read();
	}

	/** One TOML text being turned into a {@link LoggingConfigFile}. */
	private static final class Document {

		private final Path file;

		private final String text;

		private FilterLevel rootLevel;

		private final Map<String, FilterLevel> targetLevels = new LinkedHashMap<>();

		private final List<String> warnings = new ArrayList<>();

		Document(Path file, String text) {
			this.file = file;
			this.text = text;
		}

		LoggingConfigFile read() {
			JsonNode root = parseToml();
			for (Map.Entry<String, JsonNode> entry : root.properties()) {
				switch (entry.getKey()) {
					case LOG_LEVEL_KEY -> this.rootLevel = readRootLevel(entry.getValue());
					case LOG_FILTERS_KEY -> readFilters(entry.getValue());
					default -> this.warnings.add("Ignoring unknown key '" + entry.getKey() + "' in logging config file "
							+ this.file + " (line " + lineOf(List.of(entry.getKey())) + "); the known keys are "
							+ LOG_LEVEL_KEY + " and " + LOG_FILTERS_KEY);
				}
			}
			return new LoggingConfigFile(this.file, LogFilter.of(this.rootLevel, this.targetLevels), this.warnings);
		}

		private JsonNode parseToml() {
			try {
				JsonNode root = TOML.readTree(this.text);
				return (root != null) ? root : TOML.createObjectNode();
			}
			catch (JacksonException ex) {
				TokenStreamLocation location = ex.getLocation();
				int line = (location != null) ? Math.max(location.getLineNr(), 0) : 0;
				int column = (location != null) ? Math.max(location.getColumnNr(), 0) : 0;
				throw new InvalidLoggingConfigFileException(this.file, line, column,
						"it is not valid TOML (" + ex.getOriginalMessage() + ")",
						"correct the TOML syntax there, e.g. log_level = \"warn\" and \"com.example.api\" = \"debug\" "
								+ "under [log_filters]",
						ex);
			}
		}

		private FilterLevel readRootLevel(JsonNode value) {
			List<String> path = List.of(LOG_LEVEL_KEY);
			if (!value.isString()) {
				throw invalid(path, LOG_LEVEL_KEY + " must be a string, but is " + typeOf(value),
						"write the level in quotes, e.g. log_level = \"warn\"");
			}
			return FilterLevel.parse(value.stringValue())
				.orElseThrow(() -> invalid(path, notALevel(LOG_LEVEL_KEY, value.stringValue()),
						"write one of " + FilterLevel.ACCEPTED_SPELLINGS + ", e.g. log_level = \"warn\""));
		}

		private void readFilters(JsonNode table) {
			if (!table.isObject()) {
				throw invalid(List.of(LOG_FILTERS_KEY),
						LOG_FILTERS_KEY + " must be a table of \"target\" = \"level\" entries, but is " + typeOf(table),
						"write it as a table: a line [log_filters] followed by lines such as "
								+ "\"com.example.api\" = \"debug\"");
			}
			readFilterEntries(List.of(LOG_FILTERS_KEY), table);
		}

		/** Walks sub-tables, which unquoted dotted keys such as com.example.api = "debug" produce. */
		private void readFilterEntries(List<String> tablePath, JsonNode table) {
			for (Map.Entry<String, JsonNode> entry : table.properties()) {
				List<String> path = append(tablePath, entry.getKey());
				JsonNode value = entry.getValue();
				if (value.isObject()) {
					readFilterEntries(path, value);
					continue;
				}
				String target = String.join(".", path.subList(1, path.size()));
				LogFilter.targetRuleViolation(target).ifPresent((violation) -> {
					throw invalid(path, "'" + target + "' in [" + LOG_FILTERS_KEY + "] is not a valid target: " + violation,
							"use a Java logger name such as \"com.example.api\"");
				});
				if (!value.isString()) {
					throw invalid(path, "the level of '" + target + "' in [" + LOG_FILTERS_KEY
							+ "] must be a string, but is " + typeOf(value),
							"write the level in quotes, e.g. \"" + target + "\" = \"debug\"");
				}
				FilterLevel level = FilterLevel.parse(value.stringValue())
					.orElseThrow(() -> invalid(path, notALevel("the level of '" + target + "'", value.stringValue()),
							"write one of " + FilterLevel.ACCEPTED_SPELLINGS + ", e.g. \"" + target + "\" = \"debug\""));
				this.targetLevels.put(target, level);
			}
		}

		private InvalidLoggingConfigFileException invalid(List<String> path, String problem, String fix) {
			return new InvalidLoggingConfigFileException(this.file, lineOf(path), 0, problem, fix, null);
		}

		/**
		 * The line where the key at {@code path} starts, or 0 if not found. Jackson's TOML module parses
		 * into a tree and keeps no token locations, so this parses prefixes of the (valid) text: the key's
		 * statement starts on the line after the last prefix that parses without it. A prefix that ends
		 * inside a multi-line value does not parse. Prefixes only gain keys as they grow, so the last one
		 * without the key is found by bisection: a few parses, not one per line (a file of 50,000 lines
		 * would otherwise take minutes).
		 */
		private int lineOf(List<String> path) {
			List<Integer> lineEnds = new ArrayList<>();
			lineEnds.add(0);
			for (int start = 0; start < this.text.length();) {
				int newline = this.text.indexOf('\n', start);
				start = (newline >= 0) ? newline + 1 : this.text.length();
				lineEnds.add(start);
			}
			JsonNode whole = parsePrefix(this.text);
			if (whole == null || !contains(whole, path)) {
				return 0;
			}
			// The last prefix without the key is in [lo, hi): lo lines parse without it.
			int lo = 0;
			int hi = lineEnds.size() - 1;
			while (hi - lo > 1) {
				int mid = (lo + hi) >>> 1;
				int lines = mid;
				JsonNode prefix = null;
				while (lines < hi && (prefix = parsePrefix(this.text.substring(0, lineEnds.get(lines)))) == null) {
					lines++;
				}
				if (prefix == null || contains(prefix, path)) {
					hi = mid;
				}
				else {
					lo = lines;
				}
			}
			return lo + 1;
		}

		private static JsonNode parsePrefix(String prefix) {
			try {
				return TOML.readTree(prefix);
			}
			catch (JacksonException ex) {
				// The prefix ends inside a multi-line value: the statement is not complete yet.
				return null;
			}
		}

		private static boolean contains(JsonNode root, List<String> path) {
			JsonNode node = root;
			for (String key : path) {
				if (node == null || !node.isObject()) {
					return false;
				}
				node = node.get(key);
			}
			return node != null;
		}

		private static List<String> append(List<String> path, String key) {
			List<String> longer = new ArrayList<>(path);
			longer.add(key);
			return longer;
		}

		private static String notALevel(String what, String level) {
			return what + " is '" + level + "', which is not a level";
		}

		private static String typeOf(JsonNode value) {
			return switch (value.getNodeType()) {
				case STRING -> "a string";
				case NUMBER -> "a number";
				case BOOLEAN -> "a boolean";
				case ARRAY -> "an array";
				case OBJECT -> "a table";
				default -> "a date or time";
			};
		}

	}

}
