package io.github.dynamologging.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks JSONL log lines against docs/output.md: one JSON object per {@code \n}-terminated UTF-8 line
 * that validates against the shipped JSON Schema ({@value #SCHEMA_RESOURCE}), with no duplicate keys, the
 * keys {@code time, level, file, line, target, message} first in that order, every other key after them
 * in ascending UTF-8 byte order, U+0085/U+2028/U+2029 escaped and no lone surrogates. Whitespace between
 * the tokens of the object is not checked. Each broken rule is reported as a {@link LineProblem}.
 * <p>
 * Use it as a library or in tests ({@link #validateLine(String)} for one line, {@link #validate(InputStream)}
 * for a captured log), or from the command line through {@link LogLineValidatorCommand}. Instances are
 * immutable and thread-safe. Needs {@code com.networknt:json-schema-validator} and
 * {@code jackson-databind} on the classpath (dependencies of dynamo-logging-test-support).
 */
public final class LogLineValidator {

	/** Classpath location of the JSON Schema (draft 2020-12) of one log line. */
	public static final String SCHEMA_RESOURCE = "META-INF/dynamo-logging/log-line.schema.json";

	/** The keys every line starts with, in this order; file and line go when caller data is off. */
	public static final List<String> LEADING_KEYS = List.of("time", "level", "file", "line", "target", "message");

	private static final List<String> CALLER_DATA_KEYS = List.of("file", "line");

	private static final String LINE_SEPARATORS = "\u0085\u2028\u2029";

	private static final int QUOTED_EXCERPT_LENGTH = 40;

	// Jackson's default limits (50,000-character names) would reject lines the format allows: a hostile
	// MDC or key-value key may be longer, and the line is already in memory anyway.
	private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNameLength(Integer.MAX_VALUE)
			.maxStringLength(Integer.MAX_VALUE)
			.build())
		.build();

	private static final JsonMapper JSON_MAPPER = JsonMapper.builder(JSON_FACTORY).build();

	private static final LogLineValidator STRICT = new LogLineValidator(Schemas.STRICT);

	private static final LogLineValidator CALLER_DATA_OPTIONAL = new LogLineValidator(Schemas.CALLER_DATA_OPTIONAL);

	private final Schema schema;

	private LogLineValidator(Schema schema) {
		this.schema = schema;
	}

	/** A validator that requires {@code file} and {@code line} on every line, as the schema does. */
	public static LogLineValidator strict() {
		return STRICT;
	}

	/**
	 * A validator that also accepts lines without {@code file} and {@code line}, as written with
	 * {@code dynamo.logging.caller-data=false}. The two still come together or not at all.
	 */
	public static LogLineValidator callerDataOptional() {
		return CALLER_DATA_OPTIONAL;
	}

	/**
	 * Checks one line, given without its terminating {@code \n}.
	 * @param line the line's text
	 * @return the problems of the line, numbered as line 1; empty when the line is valid
	 */
	public List<LineProblem> validateLine(String line) {
		List<LineProblem> problems = new ArrayList<>();
		checkText(line, 1, problems::add);
		return problems;
	}

	/**
	 * Checks every line of a JSONL file.
	 * @param file the log file
	 * @return counts and every problem found
	 * @throws IOException when the file cannot be read
	 */
	public ValidationReport validate(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return validate(in);
		}
	}

	/**
	 * Checks every line of a JSONL stream, reading it to its end; the stream is not closed.
	 * @param in the log bytes
	 * @return counts and every problem found
	 * @throws IOException when the stream cannot be read
	 */
	public ValidationReport validate(InputStream in) throws IOException {
		List<LineProblem> problems = new ArrayList<>();
		ValidationSummary summary = validate(in, problems::add);
		return new ValidationReport(summary, problems);
	}

	/**
	 * Checks every line of a JSONL stream and hands each problem over as soon as it is found, so that
	 * problems of a large log need not be kept in memory; the stream is not closed.
	 * @param in the log bytes
	 * @param problemSink receives every problem, in line order
	 * @return the line counts
	 * @throws IOException when the stream cannot be read
	 */
	public ValidationSummary validate(InputStream in, Consumer<LineProblem> problemSink) throws IOException {
		LineCounter counter = new LineCounter(problemSink);
		// Split on the byte 0x0A ourselves: a Reader would decode first (hiding invalid UTF-8)
		// and would also end lines at a bare \r.
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int read;
		while ((read = in.read(buffer)) != -1) {
			int start = 0;
			for (int i = 0; i < read; i++) {
				if (buffer[i] == '\n') {
					line.write(buffer, start, i - start);
					counter.check(line.toByteArray(), true);
					line.reset();
					start = i + 1;
				}
			}
			line.write(buffer, start, read - start);
		}
		if (line.size() > 0) {
			counter.check(line.toByteArray(), false);
		}
		return counter.summary();
	}

	private final class LineCounter {

		private final Consumer<LineProblem> problemSink;

		private long lines;

		private long invalidLines;

		private boolean currentLineInvalid;

		LineCounter(Consumer<LineProblem> problemSink) {
			this.problemSink = problemSink;
		}

		void check(byte[] bytes, boolean terminated) {
			this.lines++;
			this.currentLineInvalid = false;
			Consumer<LineProblem> sink = (problem) -> {
				this.currentLineInvalid = true;
				this.problemSink.accept(problem);
			};
			checkBytes(bytes, this.lines, sink);
			if (!terminated) {
				sink.accept(new LineProblem(this.lines, LineRule.MISSING_NEWLINE,
						"the last line ends without \\n; every line, the last one too, ends with \\n"));
			}
			if (this.currentLineInvalid) {
				this.invalidLines++;
			}
		}

		ValidationSummary summary() {
			return new ValidationSummary(this.lines, this.invalidLines);
		}

	}

	private void checkBytes(byte[] bytes, long lineNumber, Consumer<LineProblem> problems) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int offset = in.position();
			byte[] bad = Arrays.copyOfRange(bytes, offset, offset + result.length());
			problems.accept(new LineProblem(lineNumber, LineRule.INVALID_UTF8,
					"byte " + (offset + 1) + " starts an invalid UTF-8 sequence (" + hex(bad) + ")"));
			return;
		}
		checkText(out.flip().toString(), lineNumber, problems);
	}

	private void checkText(String text, long lineNumber, Consumer<LineProblem> problems) {
		if (text.isEmpty()) {
			problems.accept(new LineProblem(lineNumber, LineRule.EMPTY_LINE, "the line is empty"));
			return;
		}
		for (int i = 0; i < text.length(); i++) {
			if (LINE_SEPARATORS.indexOf(text.charAt(i)) >= 0) {
				problems.accept(new LineProblem(lineNumber, LineRule.UNESCAPED_LINE_SEPARATOR,
						String.format(Locale.ROOT, "raw U+%04X at column %d; write it as \\u%04x", (int) text.charAt(i),
								i + 1, (int) text.charAt(i))));
				break;
			}
		}
		JsonObjectText object = checkStructure(text, lineNumber, problems);
		if (object != null) {
			checkKeyOrder(object.topLevelKeys(), lineNumber, problems);
			checkSchema(object.text(), lineNumber, problems);
		}
	}

	/** The one JSON object found on a line, without what came before or after it, and its keys in order. */
	private record JsonObjectText(String text, List<String> topLevelKeys) {
	}

	/**
	 * Streams through the line once for what a tree cannot show: duplicate keys, key order and what
	 * follows the object.
	 * @return the object found, or {@code null} when the line does not start with one well-formed object
	 */
	private JsonObjectText checkStructure(String text, long lineNumber, Consumer<LineProblem> problems) {
		List<String> topLevelKeys = new ArrayList<>();
		Deque<Set<String>> keysOfOpenObjects = new ArrayDeque<>();
		try (JsonParser parser = JSON_FACTORY.createParser(text)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				problems.accept(new LineProblem(lineNumber, LineRule.EMPTY_LINE, "the line holds only whitespace"));
				return null;
			}
			if (first != JsonToken.START_OBJECT) {
				problems.accept(new LineProblem(lineNumber, LineRule.NOT_AN_OBJECT,
						"the line holds " + describe(first) + ", not a JSON object"));
				return null;
			}
			keysOfOpenObjects.push(new HashSet<>());
			while (!keysOfOpenObjects.isEmpty()) {
				JsonToken token = parser.nextToken();
				switch (token) {
					case START_OBJECT -> keysOfOpenObjects.push(new HashSet<>());
					case END_OBJECT -> keysOfOpenObjects.pop();
					case PROPERTY_NAME -> {
						String key = parser.currentName();
						if (!keysOfOpenObjects.element().add(key)) {
							problems.accept(new LineProblem(lineNumber, LineRule.DUPLICATE_KEY,
									"key " + quote(key) + " appears more than once (at "
											+ parser.streamReadContext().pathAsPointer() + ")"));
						}
						if (keysOfOpenObjects.size() == 1) {
							topLevelKeys.add(key);
						}
						checkSurrogates(key, "key " + quote(key), lineNumber, problems);
					}
					case VALUE_STRING -> checkSurrogates(parser.getString(),
							"the string at " + parser.streamReadContext().pathAsPointer(), lineNumber, problems);
					default -> {
					}
				}
			}
			// Only whitespace (or a byte order mark) can come before the object's brace here.
			int start = text.indexOf('{');
			int end = (int) parser.currentLocation().getCharOffset();
			if (start > 0) {
				problems.accept(new LineProblem(lineNumber, LineRule.EXTRA_CONTENT,
						"before the object: " + quote(text.substring(0, start))));
			}
			if (end < text.length()) {
				problems.accept(new LineProblem(lineNumber, LineRule.EXTRA_CONTENT,
						"after the object, from column " + (end + 1) + ": " + quote(text.substring(end))));
			}
			return new JsonObjectText(text.substring(start, end), topLevelKeys);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null) ? "column " + ex.getLocation().getColumnNr() + ": " : "";
			problems.accept(new LineProblem(lineNumber, LineRule.INVALID_JSON, where + ex.getOriginalMessage()));
			return null;
		}
	}

	private static void checkSurrogates(String value, String where, long lineNumber, Consumer<LineProblem> problems) {
		// A paired surrogate yields one supplementary code point; codePoints() leaves a lone one as it is.
		value.codePoints()
			.filter((codePoint) -> Character.getType(codePoint) == Character.SURROGATE)
			.findFirst()
			.ifPresent((codePoint) -> problems.accept(new LineProblem(lineNumber, LineRule.LONE_SURROGATE,
					String.format(Locale.ROOT, "%s holds a lone surrogate U+%04X; write U+FFFD instead", where,
							codePoint))));
	}

	private static void checkKeyOrder(List<String> keys, long lineNumber, Consumer<LineProblem> problems) {
		List<String> expectedLeading = LEADING_KEYS.stream().filter(keys::contains).toList();
		for (int i = 0; i < expectedLeading.size(); i++) {
			if (!keys.get(i).equals(expectedLeading.get(i))) {
				problems.accept(new LineProblem(lineNumber, LineRule.LEADING_KEY_ORDER,
						"key " + (i + 1) + " is " + quote(keys.get(i)) + " where " + quote(expectedLeading.get(i))
								+ " belongs; the first keys are " + String.join(", ", LEADING_KEYS)
								+ " in that order"));
				break;
			}
		}
		List<String> otherKeys = keys.stream().filter((key) -> !LEADING_KEYS.contains(key)).toList();
		for (int i = 1; i < otherKeys.size(); i++) {
			String previous = otherKeys.get(i - 1);
			String key = otherKeys.get(i);
			if (compareUtf8(previous, key) > 0) {
				problems.accept(new LineProblem(lineNumber, LineRule.KEY_SORT_ORDER,
						"key " + quote(key) + " comes after " + quote(previous)
								+ " but sorts before it in UTF-8 byte order"));
				break;
			}
		}
	}

	/**
	 * Compares two keys by their UTF-8 bytes. UTF-8 keeps code point order, so comparing code points is
	 * enough; {@link String#compareTo} would compare UTF-16 units and misplace supplementary characters.
	 */
	static int compareUtf8(String left, String right) {
		return Arrays.compare(left.codePoints().toArray(), right.codePoints().toArray());
	}

	private void checkSchema(String text, long lineNumber, Consumer<LineProblem> problems) {
		JsonNode line = JSON_MAPPER.readTree(text);
		for (Error error : this.schema.validate(line)) {
			String instance = error.getInstanceLocation().toString();
			problems.accept(new LineProblem(lineNumber, LineRule.SCHEMA,
					(instance.isEmpty() ? "" : instance + ": ") + error.getMessage() + " (schema #"
							+ error.getSchemaLocation().getFragment() + ")"));
		}
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

	/** The text in double quotes, shortened, escaped as in a JSON string so that control characters show. */
	private static String quote(String text) {
		String excerpt = (text.length() > QUOTED_EXCERPT_LENGTH)
				? text.substring(0, QUOTED_EXCERPT_LENGTH) + "..." : text;
		StringBuilder quoted = new StringBuilder("\"");
		JsonStringEncoder.getInstance().quoteAsString(excerpt, quoted);
		return quoted.append('"').toString();
	}

	private static String hex(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (byte b : bytes) {
			text.append(text.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", b & 0xFF));
		}
		return text.toString();
	}

	/** The two compiled schemas, loaded from the classpath once, on first use of the validator. */
	private static final class Schemas {

		static final Schema STRICT;

		static final Schema CALLER_DATA_OPTIONAL;

		static {
			ObjectNode strict = readSchemaResource();
			SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
					(builder) -> builder.schemaRegistryConfig(
							// Messages in English whatever the machine's locale: scripts and tests read them.
							SchemaRegistryConfig.builder().locale(Locale.ROOT).build()));
			String id = strict.get("$id").asString();
			STRICT = registry.getSchema(SchemaLocation.of(id), strict);
			// Same schema with file and line no longer required (dependentRequired still pairs them),
			// under an $id of its own so that the registry keeps the two apart.
			ObjectNode optional = strict.deepCopy();
			String optionalId = URI.create(id).resolve("log-line-caller-data-optional.schema.json").toString();
			optional.put("$id", optionalId);
			ArrayNode required = optional.putArray("required");
			LEADING_KEYS.stream().filter((key) -> !CALLER_DATA_KEYS.contains(key)).forEach(required::add);
			CALLER_DATA_OPTIONAL = registry.getSchema(SchemaLocation.of(optionalId), optional);
		}

		private static ObjectNode readSchemaResource() {
			try (InputStream in = LogLineValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("the log line schema " + SCHEMA_RESOURCE
							+ " is not on the classpath; it ships in dynamo-logging-test-support");
				}
				JsonNode schema = JSON_MAPPER.readTree(in);
				if (!(schema instanceof ObjectNode object) || !object.path("$id").isString()) {
					throw new IllegalStateException(
							"the log line schema " + SCHEMA_RESOURCE + " must be a JSON object with an $id");
				}
				return object;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the log line schema " + SCHEMA_RESOURCE, ex);
			}
			catch (JacksonException ex) {
				throw new IllegalStateException(
						"the log line schema " + SCHEMA_RESOURCE + " is not valid JSON: " + ex.getOriginalMessage(), ex);
			}
		}

	}

}
