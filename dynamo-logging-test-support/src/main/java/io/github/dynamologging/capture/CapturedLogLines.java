package io.github.dynamologging.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.dynamologging.schema.LineProblem;
import io.github.dynamologging.schema.LogLineValidator;
import io.github.dynamologging.schema.ValidationReport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Captured JSONL output, one parsed JSON object per line, with the assertions a test needs: every line
 * valid ({@link #assertAllValid()}), the number of lines ({@link #assertLineCount(int)}), the line with a
 * message or a field value ({@link #withMessage(String)}, {@link #withField(String, String)}).
 * <p>
 * No line is lost or skipped: creating an instance already fails with an {@link AssertionError} naming
 * the line when the output does not end with {@code \n} (a cut-off last line) or when a line is not one
 * JSON object, and a key twice in an object counts as not JSON. So {@link #size()} is the number of
 * {@code \n}-terminated lines written, each of them parsed. Instances are immutable snapshots.
 */
public final class CapturedLogLines implements Iterable<JsonNode> {

	/** How many characters of a line an assertion message shows. */
	private static final int EXCERPT_LENGTH = 300;

	/** How many lines' messages an assertion message lists. */
	private static final int LISTED_MESSAGES = 30;

	// Duplicate keys refused, as the format forbids them; no length limits on keys and strings, which
	// hostile MDC or key-value input may make longer than Jackson's defaults allow.
	private static final JsonMapper STRICT_JSON = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNameLength(Integer.MAX_VALUE)
				.maxStringLength(Integer.MAX_VALUE)
				.build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final byte[] bytes;

	private final String text;

	private final List<JsonNode> lines;

	private final LogLineValidator validator;

	private CapturedLogLines(byte[] bytes, LogLineValidator validator) {
		this.bytes = bytes.clone();
		this.text = new String(bytes, StandardCharsets.UTF_8);
		this.validator = Objects.requireNonNull(validator, "validator");
		this.lines = parseLines(this.text);
	}

	/**
	 * Reads JSONL output as a process wrote it, checked with {@link LogLineValidator#strict()} by
	 * {@link #assertAllValid()}.
	 * @param bytes the output, UTF-8
	 * @return the parsed lines
	 * @throws AssertionError when the output ends without {@code \n} or a line is not one JSON object
	 */
	public static CapturedLogLines parse(byte[] bytes) {
		return parse(bytes, LogLineValidator.strict());
	}

	/**
	 * Reads JSONL output as a process wrote it.
	 * @param bytes the output, UTF-8
	 * @param validator what {@link #assertAllValid()} checks the lines with, e.g.
	 * {@link LogLineValidator#callerDataOptional()} for {@code dynamo.logging.caller-data=false}
	 * @return the parsed lines
	 * @throws AssertionError when the output ends without {@code \n} or a line is not one JSON object
	 */
	public static CapturedLogLines parse(byte[] bytes, LogLineValidator validator) {
		return new CapturedLogLines(bytes, validator);
	}

	/**
	 * Reads JSONL output given as text, checked with {@link LogLineValidator#strict()}.
	 * @param text the output
	 * @return the parsed lines
	 * @throws AssertionError when the output ends without {@code \n} or a line is not one JSON object
	 */
	public static CapturedLogLines parse(String text) {
		return parse(text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<JsonNode> parseLines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		if (!text.endsWith("\n")) {
			throw new AssertionError("the captured output does not end with \\n: its last line is cut off or was "
					+ "still being written (" + excerpt(text.substring(text.lastIndexOf('\n') + 1)) + ")");
		}
		String[] rawLines = text.substring(0, text.length() - 1).split("\n", -1);
		List<JsonNode> parsed = new ArrayList<>(rawLines.length);
		for (int i = 0; i < rawLines.length; i++) {
			parsed.add(parseLine(rawLines[i], i + 1));
		}
		return List.copyOf(parsed);
	}

	private static JsonNode parseLine(String line, int lineNumber) {
		if (line.isEmpty()) {
			throw new AssertionError("captured line " + lineNumber + " is empty");
		}
		JsonNode node;
		try {
			node = STRICT_JSON.readTree(line);
		}
		catch (JacksonException ex) {
			throw new AssertionError("captured line " + lineNumber + " is not JSON (" + ex.getOriginalMessage()
					+ "): " + excerpt(line), ex);
		}
		if (node == null || !node.isObject()) {
			throw new AssertionError("captured line " + lineNumber + " is not a JSON object: " + excerpt(line));
		}
		return node;
	}

	/** The captured output as UTF-8 text, every line with its {@code \n}. */
	public String text() {
		return this.text;
	}

	/** The number of lines, each parsed. */
	public int size() {
		return this.lines.size();
	}

	public boolean isEmpty() {
		return this.lines.isEmpty();
	}

	/** Every line, in the order written. */
	public List<JsonNode> asList() {
		return this.lines;
	}

	public Stream<JsonNode> stream() {
		return this.lines.stream();
	}

	@Override
	public Iterator<JsonNode> iterator() {
		return this.lines.iterator();
	}

	/** The {@code message} of every line, in the order written. */
	public List<String> messages() {
		return this.lines.stream().map(CapturedLogLines::message).toList();
	}

	/**
	 * Checks every line with the validator (the line schema and the JSONL rules of docs/output.md: key
	 * order, no duplicate key, escaped line separators, ...).
	 * @return this, for further assertions
	 * @throws AssertionError listing each problem with its line when a line is not valid
	 */
	public CapturedLogLines assertAllValid() {
		ValidationReport report;
		try {
			report = this.validator.validate(new ByteArrayInputStream(this.bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!report.allValid()) {
			String[] rawLines = this.text.split("\n", -1);
			StringBuilder message = new StringBuilder()
				.append(report.summary().invalidLines())
				.append(" of ")
				.append(report.summary().lines())
				.append(" captured lines break the JSONL rules (docs/output.md):");
			long shownLine = 0;
			for (LineProblem problem : report.problems()) {
				message.append("\n  line ").append(problem);
				if (problem.lineNumber() != shownLine && problem.lineNumber() <= rawLines.length) {
					shownLine = problem.lineNumber();
					message.append("\n    ").append(excerpt(rawLines[(int) shownLine - 1]));
				}
			}
			throw new AssertionError(message.toString());
		}
		return this;
	}

	/**
	 * Checks how many lines were written: no line lost, none extra.
	 * @param expected the number of lines
	 * @return this, for further assertions
	 * @throws AssertionError naming the messages captured when the count differs
	 */
	public CapturedLogLines assertLineCount(int expected) {
		if (this.lines.size() != expected) {
			throw new AssertionError("expected " + expected + " captured lines, got " + this.lines.size() + "; "
					+ describeMessages());
		}
		return this;
	}

	/**
	 * The one line whose {@code message} is exactly the given one.
	 * @param message the message
	 * @return the line
	 * @throws AssertionError when no line or more than one has that message
	 */
	public JsonNode withMessage(String message) {
		return single(allWithMessage(message), "message " + quote(message));
	}

	/** Every line whose {@code message} is exactly the given one, in the order written. */
	public List<JsonNode> allWithMessage(String message) {
		Objects.requireNonNull(message, "message");
		return matching((line) -> message.equals(message(line)));
	}

	/**
	 * The one line with a field {@code key} whose value, as text, is the given one ({@code "42"} for the
	 * number 42, {@code "true"} for a boolean).
	 * @param key the field's key, e.g. {@code x_request_id}
	 * @param value the field's value as text
	 * @return the line
	 * @throws AssertionError when no line or more than one has that field value
	 */
	public JsonNode withField(String key, String value) {
		return single(allWithField(key, value), quote(key) + " = " + quote(value));
	}

	/** Every line with a field {@code key} whose value, as text, is the given one, in the order written. */
	public List<JsonNode> allWithField(String key, String value) {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(value, "value");
		return matching((line) -> {
			JsonNode field = line.get(key);
			return field != null && field.isValueNode() && !field.isNull() && value.equals(field.asString());
		});
	}

	/** Every line that meets the condition, in the order written. */
	public List<JsonNode> matching(Predicate<? super JsonNode> condition) {
		return this.lines.stream().filter(condition).toList();
	}

	private JsonNode single(List<JsonNode> found, String what) {
		if (found.size() != 1) {
			throw new AssertionError("expected one captured line with " + what + ", found " + found.size() + "; "
					+ describeMessages());
		}
		return found.get(0);
	}

	private String describeMessages() {
		List<String> messages = messages();
		String listed = messages.stream()
			.limit(LISTED_MESSAGES)
			.map(CapturedLogLines::quote)
			.collect(Collectors.joining(", "));
		String more = (messages.size() > LISTED_MESSAGES) ? ", ... (" + messages.size() + " in all)" : "";
		return "the messages of the " + messages.size() + " captured lines: [" + listed + more + "]";
	}

	private static String message(JsonNode line) {
		JsonNode message = line.get("message");
		return (message != null && message.isString()) ? message.asString() : null;
	}

	private static String quote(String text) {
		return (text != null) ? "\"" + excerpt(text) + "\"" : "null";
	}

	private static String excerpt(String text) {
		return (text.length() > EXCERPT_LENGTH) ? text.substring(0, EXCERPT_LENGTH) + "...(" + text.length()
				+ " chars)" : text;
	}

	/** The captured text, for a failure message of the test's own. */
	@Override
	public String toString() {
		return this.text;
	}

}
