package io.github.dynamologging.hardening;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import io.github.dynamologging.export.LogRecordAttributes;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.format.DynamoReadableEncoder;
import io.github.dynamologging.format.internal.LoneSurrogates;
import io.github.dynamologging.hardening.HostileText.Entry;
import io.github.dynamologging.output.DynamoJsonlFileFormatter;
import io.github.dynamologging.output.DynamoReadableFileFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One stack-trace layout in every output (docs/output.md, "Stack traces"). Each hostile string as the
 * message of an exception, of its cause, of suppressed exceptions and of a cycle, as an exception's own
 * {@code toString()}, and as the class, method, file, class loader and module names of frames, goes through
 * the JSONL and READABLE console encoders, the log file's JSONL and READABLE formatters and the OTLP log
 * record. Every one gives the lines of Logback's own rendering at the same depths, each after its own
 * escaping only, and in none can the text start a line or a colour.
 */
class StackTraceOutputsTest {

	/** The SGR sequences the readable encoder itself writes: time and target dim, the level's colour, resets. */
	private static final Pattern OWN_COLOURS = Pattern.compile("\u001b\\[(?:0|2|3[1-5])m");

	private final LoggerContext context = new LoggerContext();

	private final DynamoJsonlEncoder jsonl = new DynamoJsonlEncoder();

	private final DynamoReadableEncoder readable = new DynamoReadableEncoder();

	private final DynamoJsonlFileFormatter jsonlFile = new DynamoJsonlFileFormatter(new StandardEnvironment());

	private final DynamoReadableFileFormatter readableFile = new DynamoReadableFileFormatter(
			new StandardEnvironment());

	StackTraceOutputsTest() {
		this.jsonl.setContext(this.context);
		this.jsonl.start();
		this.readable.setColour(true);
		this.readable.setContext(this.context);
		this.readable.start();
	}

	static List<Entry> corpus() {
		return HostileText.entries();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void everyOutputGivesLogbacksLinesEscapedItsOwnWay(Entry entry) {
		ILoggingEvent event = event(new ThrowableProxy(failure(entry.text())));
		List<Line> lines = Line.of(event.getThrowableProxy());
		String plain = plain(lines);
		String rendered = ThrowableProxyUtil.asString(event.getThrowableProxy());
		assertThat(plain).as("%s: the expected lines are Logback's", entry)
			.isEqualTo(rendered.substring(0, rendered.length() - CoreConstants.LINE_SEPARATOR.length()));
		assertThat(lines).as("%s: every part of the failure", entry)
			.anySatisfy((line) -> assertThat(line.head()).startsWith("Caused by: [CIRCULAR REFERENCE: "))
			.anySatisfy((line) -> assertThat(line.head()).startsWith("Suppressed: "))
			.anySatisfy((line) -> assertThat(line.head()).matches("\\.\\.\\. \\d+ common frames omitted"))
			.filteredOn((line) -> line.head().startsWith("Caused by: "))
			.hasSizeGreaterThanOrEqualTo(3);

		assertEveryOutput(entry.name(), event, lines);
	}

	/** A proxy made elsewhere than Logback may repeat itself without saying so: written once more, then no more. */
	@Test
	void aProxyThatRepeatsItselfUnmarkedIsWrittenOnceMoreAsACircularReference() {
		Proxy loop = new Proxy("x.Loop", "again\nand again", frames(2));
		loop.cause = loop;
		Proxy outer = new Proxy("x.Outer", "outer", frames(3));
		outer.suppressed = new IThrowableProxy[] { loop };
		outer.cause = loop;
		List<Line> lines = List.of(new Line(0, "x.Outer: ", "outer", ""), frame(1, 0), frame(1, 1), frame(1, 2),
				new Line(1, "Suppressed: x.Loop: ", "again\nand again", ""), frame(2, 0), frame(2, 1),
				new Line(1, "Caused by: [CIRCULAR REFERENCE: x.Loop: ", "again\nand again", "]"),
				new Line(0, "Caused by: [CIRCULAR REFERENCE: x.Loop: ", "again\nand again", "]"));
		assertEveryOutput("a proxy that is its own cause", event(outer), lines);
	}

	/** No depth limit, and no stack overflow: every cause of a chain of 100,000 is written. */
	@Test
	void aChainOfAHundredThousandCausesIsWrittenWhole() {
		Proxy first = new Proxy("x.Link", "0", frames(1));
		Proxy last = first;
		List<Line> lines = new ArrayList<>(List.of(new Line(0, "x.Link: ", "0", ""), frame(1, 0)));
		for (int i = 1; i < 100_000; i++) {
			Proxy next = new Proxy("x.Link", Integer.toString(i), frames(1));
			last.cause = next;
			last = next;
			lines.add(new Line(0, "Caused by: x.Link: ", Integer.toString(i), ""));
			lines.add(frame(1, 0));
		}
		assertEveryOutput("100,000 causes", event(first), lines);
	}

	/**
	 * The event through every output: each holds the lines, escaped as that output escapes (JSONL and OTLP
	 * hold the plain text, READABLE each line indented and escaped, a message's line breaks indented deeper).
	 */
	private void assertEveryOutput(String name, ILoggingEvent event, List<Line> lines) {
		String plain = plain(lines);
		String readableLines = readable(lines);
		assertThat(jsonlStackTrace(this.jsonl.encode(event), name + " in JSONL")).as(name)
			.isEqualTo(LoneSurrogates.replace(plain));
		assertThat(jsonlStackTrace(this.jsonlFile.formatAsBytes(event, StandardCharsets.UTF_8), name + " in the JSONL file"))
			.as(name)
			.isEqualTo(LoneSurrogates.replace(plain));
		assertThat(LogRecordAttributes.stackTrace(event)).as(name + " in OTLP").isEqualTo(plain);
		assertThat(readableException(this.readable.encode(event), name + " in READABLE", true)).as(name)
			.isEqualTo(readableLines);
		assertThat(readableException(this.readableFile.formatAsBytes(event, StandardCharsets.UTF_8),
				name + " in the READABLE file", false))
			.as(name)
			.isEqualTo(readableLines);
	}

	/**
	 * An exception with every part a stack trace has: a cause with causes of its own, frames in common, hostile
	 * frames, suppressed exceptions (one with a cause and a suppressed exception of its own, one without a
	 * message, one a cycle) and an exception whose {@code toString()} is the text.
	 */
	private static Throwable failure(String text) {
		IllegalArgumentException cause = new IllegalArgumentException(text);
		IllegalStateException failure = new IllegalStateException(text, cause);
		RuntimeException framed = new RuntimeException("hostile frames");
		framed.setStackTrace(new StackTraceElement[] { new StackTraceElement("a.B" + text, "m" + text, text, 7),
				new StackTraceElement("loader" + text, "module" + text, "1" + text, "c.D", "run", "D.java", -2),
				new StackTraceElement("c.D", "run", "D.java", 42) });
		cause.initCause(framed);
		RuntimeException suppressed = new RuntimeException(text, new UnsupportedOperationException("its cause"));
		suppressed.addSuppressed(new Told(text));
		failure.addSuppressed(suppressed);
		failure.addSuppressed(new RuntimeException());
		IllegalStateException first = new IllegalStateException(text);
		RuntimeException second = new RuntimeException(text, first);
		first.initCause(second);
		failure.addSuppressed(first);
		return failure;
	}

	/** The text of a JSONL line's {@code exception.stacktrace}, after checking the line. */
	private static String jsonlStackTrace(byte[] line, String what) {
		return HostileLines.onlyJsonlLine(line, what).get("exception.stacktrace").asString();
	}

	/**
	 * What a READABLE event wrote after its first line, after checking every line: the first holds only the
	 * encoder's colours, every further one starts with two spaces and none holds a raw control.
	 */
	private static String readableException(byte[] bytes, String what, boolean coloured) {
		String all = HostileLines.strictUtf8(bytes, what);
		assertThat(all).as(what).endsWith("\n");
		int firstEnd = all.indexOf('\n');
		String first = all.substring(0, firstEnd);
		assertThat(OWN_COLOURS.matcher(first).results().count()).as("%s: the encoder's own colours", what)
			.isEqualTo(coloured ? 6 : 0);
		HostileLines.assertNoRawControls(OWN_COLOURS.matcher(first).replaceAll(""), what);
		assertThat(first).as(what).endsWith(": failed");
		String exception = all.substring(firstEnd + 1);
		for (String line : exception.substring(0, exception.length() - 1).split("\n", -1)) {
			assertThat(line).as("%s: a further line is indented", what).startsWith("  ");
			HostileLines.assertNoRawControls(line, what);
		}
		return exception;
	}

	/** The lines as plain text: Logback's tabs, then the text; the platform's line separator between. */
	private static String plain(List<Line> lines) {
		return lines.stream()
			.map((line) -> "\t".repeat(line.depth()) + line.head() + line.message() + line.tail())
			.collect(Collectors.joining(CoreConstants.LINE_SEPARATOR));
	}

	/**
	 * The lines as docs/output.md says READABLE writes them: indented two spaces, and two more a step of
	 * depth; everything escaped, except that a message's line break starts a line two spaces deeper.
	 */
	private static String readable(List<Line> lines) {
		StringBuilder text = new StringBuilder();
		for (Line line : lines) {
			String indent = "  ".repeat(line.depth() + 1);
			text.append(indent).append(shown(line.head()));
			text.append(Arrays.stream(line.message().split("\n", -1))
				.map(StackTraceOutputsTest::shown)
				.collect(Collectors.joining("\n" + indent + "  ")));
			text.append(shown(line.tail())).append('\n');
		}
		return text.toString();
	}

	/** The escaped form docs/output.md gives text on a READABLE line. */
	private static String shown(String text) {
		StringBuilder shown = new StringBuilder();
		LoneSurrogates.replace(text).chars().forEach((c) -> {
			switch (c) {
				case '\n' -> shown.append("\\n");
				case '\r' -> shown.append("\\r");
				case '\t' -> shown.append("\\t");
				default -> shown.append(HostileLines.isControl((char) c) ? String.format("\\u%04x", c) : (char) c);
			}
		});
		return shown.toString();
	}

	/** An event as Logback makes one, its caller already found, with any proxy (Logback's takes only its own). */
	private static ILoggingEvent event(IThrowableProxy throwable) {
		LoggingEvent event = new LoggingEvent() {

			@Override
			public IThrowableProxy getThrowableProxy() {
				return throwable;
			}

		};
		event.setCallerData(new StackTraceElement[] { new StackTraceElement("x.Caller", "call", "Caller.java", 9) });
		event.setLoggerName("hostile.StackTrace");
		event.setLevel(Level.ERROR);
		event.setMessage("failed");
		event.setThreadName("main");
		event.setTimeStamp(System.currentTimeMillis());
		event.setMDCPropertyMap(Map.of());
		return event;
	}

	private static StackTraceElementProxy[] frames(int count) {
		StackTraceElementProxy[] frames = new StackTraceElementProxy[count];
		for (int i = 0; i < count; i++) {
			frames[i] = new StackTraceElementProxy(new StackTraceElement("x.Frames", "m" + i, "Frames.java", i + 1));
		}
		return frames;
	}

	private static Line frame(int depth, int index) {
		return new Line(depth, "at x.Frames.m" + index + "(Frames.java:" + (index + 1) + ")", "", "");
	}

	/**
	 * One line of an exception: its depth (Logback's tabs), and its text: one-line text around an exception's
	 * message (free text, empty on a frame's line).
	 */
	record Line(int depth, String head, String message, String tail) {

		/** The lines of {@code throwable} in the order and at the depths of Logback's own rendering. */
		static List<Line> of(IThrowableProxy throwable) {
			List<Line> lines = new ArrayList<>();
			add(lines, throwable, "", 1);
			return lines;
		}

		private static void add(List<Line> lines, IThrowableProxy throwable, String prefix, int depth) {
			if (throwable == null) {
				return;
			}
			String circular = throwable.isCyclic() ? "[CIRCULAR REFERENCE: " : "";
			String end = throwable.isCyclic() ? "]" : "";
			String overriding = throwable.getOverridingMessage();
			lines.add((overriding != null) ? new Line(depth - 1, prefix + circular, overriding, end)
					: new Line(depth - 1, prefix + circular + throwable.getClassName() + ": ",
							String.valueOf(throwable.getMessage()), end));
			StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
			for (int i = 0; i < frames.length - throwable.getCommonFrames(); i++) {
				lines.add(new Line(depth, "at " + frames[i].getStackTraceElement(), "", ""));
			}
			if (throwable.getCommonFrames() > 0) {
				lines.add(new Line(depth, "... " + throwable.getCommonFrames() + " common frames omitted", "", ""));
			}
			for (IThrowableProxy suppressed : throwable.getSuppressed()) {
				add(lines, suppressed, "Suppressed: ", depth + 1);
			}
			add(lines, throwable.getCause(), "Caused by: ", depth);
		}

	}

	/** An exception whose {@code toString()} is the text alone: Logback's "overriding message". */
	static final class Told extends RuntimeException {

		private final String text;

		Told(String text) {
			super("told");
			this.text = text;
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

	/** An {@link IThrowableProxy} made by hand, as a library other than Logback could make one. */
	static final class Proxy implements IThrowableProxy {

		private final String className;

		private final String message;

		private final StackTraceElementProxy[] frames;

		IThrowableProxy cause;

		IThrowableProxy[] suppressed = new IThrowableProxy[0];

		Proxy(String className, String message, StackTraceElementProxy[] frames) {
			this.className = className;
			this.message = message;
			this.frames = frames;
		}

		@Override
		public String getMessage() {
			return this.message;
		}

		@Override
		public String getClassName() {
			return this.className;
		}

		@Override
		public StackTraceElementProxy[] getStackTraceElementProxyArray() {
			return this.frames;
		}

		@Override
		public int getCommonFrames() {
			return 0;
		}

		@Override
		public IThrowableProxy getCause() {
			return this.cause;
		}

		@Override
		public IThrowableProxy[] getSuppressed() {
			return this.suppressed;
		}

		@Override
		public boolean isCyclic() {
			return false;
		}

	}

}
