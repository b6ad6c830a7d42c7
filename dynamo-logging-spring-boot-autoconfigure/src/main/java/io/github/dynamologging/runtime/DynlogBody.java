package io.github.dynamologging.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.PathContainer;

/**
 * The rules of a write to {@code /actuator/dynlog} (docs/runtime-control.md, docs/configuration.md), applied
 * by the endpoint's web operations ({@link DynlogEndpointWebExtension}) to the request as it arrived.
 * <p>
 * Boot's actuator reads a write's body as {@code Map<String, String>}, which turns {@code {"filter": 5}}
 * into the filter {@code "5"}, keeps the second of two {@code filter} fields and refuses arrays or objects
 * with a 400 without a message, and it lets query parameters override the body's fields. So
 * {@link DynlogBodyServletFilter} and {@link DynlogBodyWebFilter} give the operation the raw query string
 * and the raw body instead, as its only arguments ({@link #arguments}), and the rules are here: no query
 * parameters; at most {@link #MAX_BYTES}; a JSON object whose {@code filter}, {@code ttl} and
 * {@code reason} are each absent, null or a string, and whose {@code match} (a per-request rule) is absent,
 * null or an object. Other fields are ignored (operators' scripts may send more).
 */
final class DynlogBody {

	/** The name of the argument that carries the raw query string. */
	static final String QUERY = "query";

	/** The name of the argument that carries the raw body. */
	static final String BODY = "body";

	/** The most a body may hold: a 4 KiB filter, a 512-character reason and a ttl fit many times over. */
	static final int MAX_BYTES = 64 * 1024;

	static final DynlogError TOO_LARGE = new DynlogError(413, "Content Too Large",
			"The body is larger than " + MAX_BYTES + " bytes, the most a dynlog change may send (the filter is at "
					+ "most 4096 bytes, the reason 512 characters)");

	private static final String SHAPE_EXAMPLE = "{\"filter\": \"warn,com.example.api=trace\", \"ttl\": \"PT10M\", "
			+ "\"reason\": \"...\"}";

	private static final String SHAPE = "The body must be a JSON object like " + SHAPE_EXAMPLE;

	private static final List<String> FIELDS = List.of("filter", "ttl", "reason");

	// Strict: a field given twice or anything after the object is refused rather than guessed at.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private DynlogBody() {
	}

	/**
	 * The operation's arguments in place of Boot's: the raw query string and the raw body, each when there is
	 * one. The body goes as one char per byte (ISO-8859-1), so {@link #check(String, String)} gets back the
	 * very bytes, malformed UTF-8 included.
	 */
	static Map<String, String> arguments(@Nullable String rawQuery, byte @Nullable [] body) {
		Map<String, String> arguments = new LinkedHashMap<>();
		if (rawQuery != null) {
			arguments.put(QUERY, rawQuery);
		}
		if (body != null) {
			arguments.put(BODY, new String(body, StandardCharsets.ISO_8859_1));
		}
		return arguments;
	}

	/**
	 * Checks a write as it arrived: its query string first, then its body's size, then its body.
	 * @param rawQuery the {@link #QUERY} argument
	 * @param body the {@link #BODY} argument: the body's first bytes, {@link #MAX_BYTES} + 1 at most
	 */
	static Checked check(@Nullable String rawQuery, @Nullable String body) {
		DynlogError query = queryRefusal(rawQuery);
		if (query != null) {
			return new Checked(null, query);
		}
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
		return (bytes.length > MAX_BYTES) ? new Checked(null, TOO_LARGE) : check(bytes);
	}

	/**
	 * @param body the body as received, at most {@link #MAX_BYTES}
	 * @return the known fields, {@code match} as JSON text (none when no body was sent, so the endpoint says
	 * the filter is empty), or why the body is refused
	 */
	static Checked check(byte[] body) {
		Map<String, String> known = new LinkedHashMap<>();
		if (isBlank(body)) {
			return new Checked(known, null);
		}
		JsonNode tree;
		try {
			tree = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return refused(SHAPE + ", but it is not valid JSON" + where(ex.getLocation()) + ": "
					+ ex.getOriginalMessage());
		}
		if (!tree.isObject()) {
			return refused(SHAPE + ", but it is " + describe(tree));
		}
		for (String field : FIELDS) {
			JsonNode value = tree.get(field);
			if (value == null || value.isNull()) {
				continue;
			}
			if (!value.isString()) {
				return refused(field + " must be a JSON string, but is " + describe(value));
			}
			known.put(field, value.stringValue());
		}
		// A per-request rule's match object goes on as JSON text, which the endpoint's string argument takes.
		JsonNode match = tree.get("match");
		if (match != null && !match.isNull()) {
			if (!match.isObject()) {
				return refused("match must be a JSON object like {\"header\": \"X-Request-Id\", \"equals\": \"abc\"}, "
						+ "but is " + describe(match));
			}
			known.put("match", JSON.writeValueAsString(match));
		}
		return new Checked(known, null);
	}

	/**
	 * Whether a request is a write ({@code POST} or {@code DELETE}) to the endpoint at {@code endpointPath}
	 * ({@code null}: not mapped).
	 */
	static boolean targets(String method, PathContainer pathWithinApplication, @Nullable String endpointPath) {
		if (endpointPath == null || !("POST".equals(method) || "DELETE".equals(method))) {
			return false;
		}
		// Decoded segments, without path parameters or empty segments, compared by their end: every
		// spelling Spring's matching could route to the endpoint is checked (checking a few more is harmless).
		StringBuilder path = new StringBuilder();
		for (PathContainer.Element element : pathWithinApplication.elements()) {
			if (element instanceof PathContainer.PathSegment segment && !segment.valueToMatch().isEmpty()) {
				path.append('/').append(segment.valueToMatch());
			}
		}
		return path.toString().endsWith(endpointPath.endsWith("/") ? endpointPath.substring(0, endpointPath.length() - 1)
				: endpointPath);
	}

	/**
	 * Refuses a write with a query string: Boot's actuator lets query parameters override the body's
	 * fields, which would apply arguments the body check never saw.
	 * @param rawQuery the query string as received, {@code null} when there is none
	 * @return why the write is refused, or {@code null} when it has no query parameters
	 */
	static @Nullable DynlogError queryRefusal(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return null;
		}
		Set<String> names = new LinkedHashSet<>();
		for (String parameter : rawQuery.split("&")) {
			if (!parameter.isEmpty()) {
				int equals = parameter.indexOf('=');
				names.add("'" + LoggerCreationLimits.quote(decoded((equals >= 0) ? parameter.substring(0, equals) : parameter))
						+ "'");
			}
		}
		if (names.isEmpty()) {
			return null;
		}
		return DynlogError.badRequest(((names.size() == 1) ? "Query parameter " : "Query parameters ")
				+ String.join(", ", names) + ((names.size() == 1) ? " is" : " are") + " refused: writes take their "
				+ "arguments from the JSON body only; send " + SHAPE_EXAMPLE + " without a query string");
	}

	private static String decoded(String name) {
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

	private static Checked refused(String message) {
		return new Checked(null, DynlogError.badRequest(message));
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

	private static String where(@Nullable TokenStreamLocation location) {
		return (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case OBJECT -> "an object";
			case NUMBER -> "a number: " + node;
			case BOOLEAN -> "a boolean: " + node;
			case STRING -> "a string";
			case NULL -> "null";
			default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
		};
	}

	/**
	 * The outcome of {@link #check}: exactly one of the two is set.
	 * @param fields the known fields that are set, by name
	 * @param refusal why the write is refused
	 */
	record Checked(@Nullable Map<String, String> fields, @Nullable DynlogError refusal) {

	}

}
