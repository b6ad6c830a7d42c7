package io.github.dynamologging.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Which requests a rule applies to (docs/runtime-control.md): any of a header with an exact value, a path
 * pattern and a sample ratio; all that are given must hold.
 * @param header the header's name, or {@code null}
 * @param equals the value the header must have (one of its values, compared exactly)
 * @param path the path pattern, or {@code null}
 * @param sample the share of otherwise matching requests to take, from 0 to 1, or {@code null} for all
 */
record RuleMatch(@Nullable String header, @Nullable String equals, @Nullable PathPattern path,
		@Nullable Double sample) {

	/** Longest header value or path pattern a match may hold. */
	static final int MAX_TEXT = 1024;

	private static final Set<String> KEYS = Set.of("header", "equals", "path", "sample");

	private static final String SHAPE = "write e.g. {\"header\": \"X-Request-Id\", \"equals\": \"abc\"}, "
			+ "{\"path\": \"/api/orders/**\"} or {\"sample\": 0.01}";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * Reads the {@code match} object of a rule.
	 * @param json the object as JSON text
	 * @return the match
	 * @throws InvalidRuleException naming the field and the rule
	 */
	public static RuleMatch parse(String json) {
		JsonNode tree;
		try {
			tree = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw invalid("match is not valid JSON (" + ex.getOriginalMessage() + ")");
		}
		if (tree == null || !tree.isObject()) {
			throw invalid("match must be a JSON object; " + SHAPE);
		}
		if (tree.isEmpty()) {
			throw invalid("match is empty, which would match every request; " + SHAPE
					+ " ({\"sample\": 1} matches every request on purpose)");
		}
		for (String key : tree.propertyNames()) {
			if (!KEYS.contains(key)) {
				throw invalid("match." + key + " is not a known field; a match may hold header and equals, path, sample");
			}
		}
		String header = text(tree, "header");
		String equals = text(tree, "equals");
		if ((header == null) != (equals == null)) {
			throw invalid((header == null) ? "match.equals needs match.header, the header whose value it is"
					: "match.header needs match.equals, the value the header must have");
		}
		if (header != null) {
			checkToken(header);
			checkLength("match.equals", equals);
		}
		return new RuleMatch(header, equals, pathPattern(text(tree, "path")), sample(tree.get("sample")));
	}

	/**
	 * Whether a request matches; the sample is drawn last, only for requests that match otherwise.
	 * @param headerValues a header's values by its name (any case), empty when absent
	 * @param requestPath the path within the application, asked for only when this match has a path
	 */
	boolean matches(Function<String, List<String>> headerValues, Supplier<PathContainer> requestPath) {
		if (this.header != null && !headerValues.apply(this.header).contains(this.equals)) {
			return false;
		}
		if (this.path != null && !this.path.matches(requestPath.get())) {
			return false;
		}
		return this.sample == null || this.sample >= 1 || ThreadLocalRandom.current().nextDouble() < this.sample;
	}

	/** Whether this match takes every request: a sample of 1 and nothing else. */
	boolean matchesEveryRequest() {
		return this.header == null && this.path == null && this.sample != null && this.sample >= 1;
	}

	/** The match as an operator wrote it, for GET and the audit line. */
	Map<String, Object> describe() {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (this.header != null) {
			fields.put("header", this.header);
			fields.put("equals", this.equals);
		}
		if (this.path != null) {
			fields.put("path", this.path.getPatternString());
		}
		if (this.sample != null) {
			fields.put("sample", this.sample);
		}
		return fields;
	}

	String toJson() {
		return JSON.writeValueAsString(describe());
	}

	private static @Nullable String text(JsonNode tree, String key) {
		JsonNode value = tree.get(key);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw invalid("match." + key + " must be a JSON string, but is " + value);
		}
		return value.stringValue();
	}

	/** RFC 9110 token: the characters a header name may have. */
	private static void checkToken(String name) {
		checkLength("match.header", name);
		if (name.isEmpty()) {
			throw invalid("match.header is empty; name a header such as X-Request-Id");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!token) {
				throw invalid("match.header '" + name + "' is not an HTTP header name: character " + (i + 1)
						+ " may not appear in one (letters, digits and !#$%&'*+-.^_`|~ only)");
			}
		}
	}

	private static void checkLength(String field, String text) {
		if (text.length() > MAX_TEXT) {
			throw invalid(field + " is " + text.length() + " characters long; at most " + MAX_TEXT + " are allowed");
		}
	}

	private static @Nullable PathPattern pathPattern(@Nullable String text) {
		if (text == null) {
			return null;
		}
		checkLength("match.path", text);
		if (!text.startsWith("/")) {
			throw invalid("match.path '" + text + "' must start with '/', e.g. /api/orders/**");
		}
		try {
			return PathPatternParser.defaultInstance.parse(text);
		}
		catch (PatternParseException ex) {
			throw invalid("match.path '" + text + "' is not a valid path pattern: " + ex.toDetailedString()
				.replace('\n', ' ') + "; use ? (one character), * (within a segment) and ** (at the end)");
		}
	}

	private static @Nullable Double sample(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			throw invalid("match.sample must be a number from 0 to 1, but is " + value);
		}
		double ratio = value.doubleValue();
		if (!(ratio >= 0 && ratio <= 1)) {
			throw invalid("match.sample " + value + " is outside [0, 1]; write e.g. 0.01 for one request in a hundred");
		}
		return ratio;
	}

	private static InvalidRuleException invalid(String problem) {
		return new InvalidRuleException("Invalid request rule: " + problem);
	}

}
