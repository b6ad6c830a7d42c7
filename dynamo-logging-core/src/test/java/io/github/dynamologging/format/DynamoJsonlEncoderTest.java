package io.github.dynamologging.format;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import io.github.dynamologging.schema.LogLineValidator;
import io.github.dynamologging.testing.JsonLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoJsonlEncoderTest {

	private static final LogLineValidator VALIDATOR = LogLineValidator.strict();

	private final CapturingLogback logback = new CapturingLogback(new DynamoJsonlEncoder());

	private final Logger log = this.logback.logger("com.example.api.Orders");

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void writesTheSixCoreKeysFirstThenTheRestInByteOrder() {
		MDC.put("zeta", "z");
		MDC.put("alpha", "a");
		int line = CapturingLogback.nextLine();
		this.log.info("hello {}", "world");
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(VALIDATOR.validateLine(this.logback.lines().get(0))).isEmpty();
		assertThat(json.propertyNames()).containsExactly("time", "level", "file", "line", "target", "message",
				"alpha", "thread.name", "zeta");
		assertThat(json.get("time").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
		assertThat(json.get("level").asString()).isEqualTo("INFO");
		assertThat(json.get("file").asString()).isEqualTo("io/github/dynamologging/format/DynamoJsonlEncoderTest.java");
		assertThat(json.get("line").isInt()).isTrue();
		assertThat(json.get("line").asInt()).isEqualTo(line);
		assertThat(json.get("target").asString()).isEqualTo("com.example.api.Orders");
		assertThat(json.get("message").asString()).isEqualTo("hello world");
		assertThat(json.get("thread.name").asString()).isEqualTo(Thread.currentThread().getName());
		assertThat(this.logback.text()).endsWith("}\n").doesNotContain("\": ").doesNotContain(", \"");
	}

	@Test
	void findsTheCallerWhateverTheDepthOfTheLoggingPath() {
		// The locator fetches as many frames at first as the last walks took; a deeper path than any before
		// (here: frames inside the appender) must still find the caller, and a shallow one after it too.
		DepthEncoder encoder = new DepthEncoder();
		CapturingLogback logback = new CapturingLogback(encoder);
		Logger log = logback.logger("depth");
		List<Integer> expected = new ArrayList<>();
		for (int depth : new int[] { 0, 5, 70, 0, 200, 1, 0 }) {
			encoder.depth = depth;
			expected.add(CapturingLogback.nextLine());
			log.info("at depth {}", depth);
		}
		assertThat(logback.jsonLines()).allSatisfy((json) -> assertThat(json.get("file").asString())
			.isEqualTo("io/github/dynamologging/format/DynamoJsonlEncoderTest.java"))
			.extracting((json) -> json.get("line").asInt())
			.isEqualTo(expected);
	}

	@Test
	void passesOverReflectionBetweenTheLoggingCallAndItsCaller() throws Exception {
		Method info = org.slf4j.Logger.class.getMethod("info", String.class);
		int line = CapturingLogback.nextLine();
		info.invoke(this.log, "logged through Method.invoke");
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(json.get("file").asString()).isEqualTo("io/github/dynamologging/format/DynamoJsonlEncoderTest.java");
		assertThat(json.get("line").asInt()).isEqualTo(line);
	}

	/** Puts {@code depth} frames of its own between the appender and the JSONL encoder. */
	private static final class DepthEncoder extends EncoderBase<ILoggingEvent> {

		private final DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();

		int depth;

		@Override
		public byte[] headerBytes() {
			return null;
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			return encodeAt(event, this.depth);
		}

		private byte[] encodeAt(ILoggingEvent event, int remaining) {
			return (remaining > 0) ? encodeAt(event, remaining - 1) : this.encoder.encode(event);
		}

		@Override
		public byte[] footerBytes() {
			return null;
		}

		@Override
		public void start() {
			this.encoder.setContext(getContext());
			this.encoder.start();
			super.start();
		}

	}

	@Test
	void levelsAreUpperCase() {
		this.log.trace("t");
		this.log.debug("d");
		this.log.info("i");
		this.log.warn("w");
		this.log.error("e");
		assertThat(this.logback.jsonLines()).extracting((json) -> json.get("level").asString())
			.containsExactly("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
	}

	@Test
	void keyValuePairsKeepTheirJsonTypeAndStringsAreNeverReparsed() {
		this.log.atInfo()
			.addKeyValue("count", 42)
			.addKeyValue("big", 9_000_000_000L)
			.addKeyValue("ratio", 0.5)
			.addKeyValue("ok", true)
			.addKeyValue("text", "42")
			.addKeyValue("json", "{\"a\":1}")
			.addKeyValue("nothing", (Object) null)
			.addKeyValue("single", 0.1f)
			.addKeyValue("notANumber", Double.NaN)
			.addKeyValue("object", List.of(1, 2))
			.log("typed");
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(json.get("count").isInt()).isTrue();
		assertThat(json.get("count").asInt()).isEqualTo(42);
		assertThat(json.get("big").asLong()).isEqualTo(9_000_000_000L);
		assertThat(json.get("ratio").isDouble()).isTrue();
		assertThat(json.get("ok").isBoolean()).isTrue();
		assertThat(json.get("text").isString()).isTrue();
		assertThat(json.get("text").asString()).isEqualTo("42");
		assertThat(json.get("json").asString()).isEqualTo("{\"a\":1}");
		assertThat(json.get("nothing").isNull()).isTrue();
		assertThat(this.logback.text()).contains("\"single\":0.1,");
		assertThat(json.get("notANumber").asString()).isEqualTo("NaN");
		assertThat(json.get("object").asString()).isEqualTo("[1, 2]");
	}

	@Test
	void mdcValuesAreStringsAndKeyValuePairsWinOverMdc() {
		MDC.put("tenant", "from-mdc");
		MDC.put("port", "8080");
		this.log.atInfo().addKeyValue("tenant", "from-event").log("both");
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(json.get("tenant").asString()).isEqualTo("from-event");
		assertThat(json.get("port").isString()).isTrue();
	}

	@Test
	void tracingAliasesInTheMdcAreWrittenOnlyUnderDynamoNames() {
		MDC.put("traceId", "80196f3e3a6fdf06d23bb9ada3788518");
		MDC.put("spanId", "f7e487a9d2a6bf38");
		this.log.info("in a span");
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(json.get("trace_id").asString()).isEqualTo("80196f3e3a6fdf06d23bb9ada3788518");
		assertThat(json.get("span_id").asString()).isEqualTo("f7e487a9d2a6bf38");
		assertThat(json.has("traceId")).isFalse();
		assertThat(json.has("spanId")).isFalse();
	}

	@Test
	void explicitTraceKeysWinOverAliases() {
		MDC.put("trace_id", "11111111111111111111111111111111");
		MDC.put("traceId", "22222222222222222222222222222222");
		this.log.info("both spellings");
		assertThat(this.logback.onlyJsonLine().get("trace_id").asString()).isEqualTo("11111111111111111111111111111111");
	}

	@Test
	void outsideASpanNoTraceKeysAppear() {
		this.log.info("no span");
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(json.has("trace_id")).isFalse();
		assertThat(json.has("span_id")).isFalse();
		assertThat(json.has("parent_id")).isFalse();
		assertThat(json.has("span_name")).isFalse();
	}

	@Test
	void userKeysThatCollideWithTheLinesOwnKeysAreKeptUnderFields() {
		MDC.put("message", "mdc message");
		MDC.put("thread.name", "mdc thread");
		this.log.atInfo().addKeyValue("level", "kv level").addKeyValue("time", 5).log("real message");
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(json.get("message").asString()).isEqualTo("real message");
		assertThat(json.get("level").asString()).isEqualTo("INFO");
		assertThat(json.get("fields.message").asString()).isEqualTo("mdc message");
		assertThat(json.get("fields.level").asString()).isEqualTo("kv level");
		assertThat(json.get("fields.time").asInt()).isEqualTo(5);
		assertThat(json.get("fields.thread.name").asString()).isEqualTo("mdc thread");
		assertThat(json.get("thread.name").asString()).isEqualTo(Thread.currentThread().getName());
	}

	@Test
	void exceptionsAreWrittenWithTypeMessageAndStackTraceIncludingCauses() {
		IllegalStateException failure = new IllegalStateException("outer", new IllegalArgumentException("inner"));
		this.log.error("failed", failure);
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(json.get("exception.type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(json.get("exception.message").asString()).isEqualTo("outer");
		String stackTrace = json.get("exception.stacktrace").asString();
		assertThat(stackTrace).startsWith("java.lang.IllegalStateException: outer")
			.contains("\tat io.github.dynamologging.format.DynamoJsonlEncoderTest")
			.contains("Caused by: java.lang.IllegalArgumentException: inner")
			.doesNotEndWith("\n");
	}

	@Test
	void exceptionWithoutMessageHasNoMessageKey() {
		this.log.error("failed", new NullPointerException());
		JsonNode json = this.logback.onlyJsonLine();
		assertThat(json.get("exception.type").asString()).isEqualTo("java.lang.NullPointerException");
		assertThat(json.has("exception.message")).isFalse();
	}

	@Test
	void escapesAsTheSpecSays() {
		this.log.info("q\" b\\ \b\f\n\r\t \u0001\u001f / \u0085\u2028\u2029 é 😀");
		String line = this.logback.lines().get(0);
		assertThat(line).contains("\"message\":\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f / \\u0085\\u2028\\u2029 é 😀\"");
	}

	@Test
	void loneSurrogatesBecomeReplacementCharacters() {
		this.log.info("high \uD83D alone, low \uDE00 alone, reversed \uDE00\uD83D, pair \uD83D\uDE00");
		assertThat(this.logback.onlyJsonLine().get("message").asString())
			.isEqualTo("high \uFFFD alone, low \uFFFD alone, reversed \uFFFD\uFFFD, pair \uD83D\uDE00");
	}

	@Test
	void localTimeCarriesTheOffset() {
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setLocalTime(true);
		CapturingLogback local = new CapturingLogback(encoder);
		local.logger("x").info("local");
		assertThat(local.onlyJsonLine().get("time").asString())
			.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}[+-]\\d{2}:\\d{2}");
	}

	@Test
	void callerDataCanBeTurnedOff() {
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setCallerData(false);
		CapturingLogback noCaller = new CapturingLogback(encoder);
		noCaller.logger("x").info("no caller");
		assertThat(noCaller.onlyJsonLine().propertyNames()).containsExactly("time", "level", "target", "message",
				"thread.name");
	}

	@Test
	void eventsWithoutALoggingCallOnTheStackGetAnUnknownCaller() {
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.start();
		LoggingEvent event = new LoggingEvent("fqcn", this.log, Level.INFO, "built by hand", null, null);
		event.setInstant(Instant.parse("2025-09-02T15:53:31.943377123Z"));
		JsonNode json = JsonLines.STRICT.readTree(encoder.encode(event));
		assertThat(json.get("time").asString()).isEqualTo("2025-09-02T15:53:31.943377Z");
		assertThat(json.get("file").asString()).isEqualTo("unknown");
		assertThat(json.get("line").asInt()).isZero();
	}

	@Test
	void callerDataAlreadyOnTheEventIsUsed() {
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.start();
		LoggingEvent event = new LoggingEvent("fqcn", this.log, Level.INFO, "replayed", null, null);
		event.setCallerData(new StackTraceElement[] {
				new StackTraceElement("com.example.web.OrderController$1", "run", "OrderController.java", 77) });
		JsonNode json = JsonLines.STRICT.readTree(encoder.encode(event));
		assertThat(json.get("file").asString()).isEqualTo("com/example/web/OrderController.java");
		assertThat(json.get("line").asInt()).isEqualTo(77);
	}

	@Test
	void supplementaryCharactersSortAfterTheRestOfTheBasicPlane() {
		this.log.atInfo().addKeyValue("k\uFFFD", 1).addKeyValue("k\uD83D\uDE00", 2).addKeyValue("k~", 3).log("order");
		JsonNode json = this.logback.onlyJsonLine();
		List<String> userKeys = new ArrayList<>(json.propertyNames());
		userKeys.removeIf((key) -> !key.startsWith("k"));
		assertThat(userKeys).containsExactly("k~", "k\uFFFD", "k\uD83D\uDE00");
	}

	@Test
	void mdcOfOneEventDoesNotLeakIntoTheNext() {
		MDC.put("request", "first");
		this.log.info("one");
		MDC.clear();
		this.log.info("two");
		List<JsonNode> lines = this.logback.jsonLines();
		assertThat(lines.get(0).get("request").asString()).isEqualTo("first");
		assertThat(lines.get(1).has("request")).isFalse();
		assertThat(Map.of()).isEmpty();
	}

}
