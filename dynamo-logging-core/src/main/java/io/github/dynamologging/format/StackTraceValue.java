package io.github.dynamologging.format;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;
import io.github.dynamologging.format.internal.LoneSurrogates;
import io.github.dynamologging.format.internal.StackTraceLayout;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes {@code exception.stacktrace}, a few KB of almost always ASCII text, as one JSON string value: the
 * lines of {@link StackTraceLayout}, each ended by the platform's line separator as Logback ends them (so
 * the text is what {@code ThrowableProxyUtil.asString} gives, without its last line break), escaped exactly
 * as the line's generator would escape it but without its char-by-char work on the bulk.
 * <p>
 * The escapes are Jackson's: the escaped form of every ASCII character is asked of the line's own
 * {@link JsonFactory} once, and every run of non-ASCII characters is escaped by a generator of that
 * factory. This class only copies: ASCII characters that Jackson writes as they are go straight to the
 * output, the rest as Jackson wrote them. Most of a stack trace is frames, and the same frames come back
 * in exception after exception: each frame's line is rendered and escaped once and then copied from
 * {@link EscapedFrames}. The result goes into the line with {@link JsonGenerator#writeRawUTF8String}.
 * Not thread-safe: one per line writer, used by one thread at a time.
 */
final class StackTraceValue extends StackTraceLayout {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final int INITIAL = 4096;

	private static final int MAX_KEPT = 64 * 1024;

	/** What Jackson writes for each ASCII character, and whether that is the character itself. */
	private final byte[][] asciiEscapes = new byte[128][];

	private final boolean[] asciiAsIs = new boolean[128];

	/** What Jackson writes for U+FFFD, which stands in for a lone surrogate. */
	private final byte[] replacementEscape;

	private final byte[] lineSeparator;

	private final byte[] tab;

	private final Bytes runBytes = new Bytes();

	/** Escapes runs of non-ASCII characters. */
	private final JsonGenerator runWriter;

	private final EscapedFrames frames;

	/** The text of the line being laid out, escaped when it ends; frames are written at once instead. */
	private final StringBuilder line = new StringBuilder(256);

	private byte[] out = new byte[INITIAL];

	/** Where the output ends so far. */
	private int at;

	StackTraceValue(JsonFactory json, EscapedFrames frames) {
		this.frames = frames;
		this.runWriter = json.createGenerator(ObjectWriteContext.empty(), this.runBytes);
		for (char c = 0; c < 128; c++) {
			byte[] escaped = escapedByJackson(String.valueOf(c));
			// '?' always takes the byte path: it may be a lone surrogate that the UTF-8 encoder replaced.
			this.asciiAsIs[c] = escaped.length == 1 && escaped[0] == c && c != '?';
			this.asciiEscapes[c] = escaped;
		}
		this.replacementEscape = escapedByJackson(String.valueOf(LoneSurrogates.REPLACEMENT));
		this.lineSeparator = escapedByJackson(CoreConstants.LINE_SEPARATOR);
		this.tab = escapedByJackson(String.valueOf(CoreConstants.TAB));
	}

	/** Writes the lines of {@code throwable} (without the last line break) as a string value. */
	void write(JsonGenerator json, IThrowableProxy throwable) {
		this.at = 0;
		layOut(throwable);
		json.writeRawUTF8String(this.out, 0, this.at - this.lineSeparator.length);
		if (this.out.length > MAX_KEPT) {
			// One huge exception message must not stay in every thread's buffer.
			this.out = new byte[INITIAL];
		}
	}

	@Override
	protected void startLine(int depth) {
		this.line.setLength(0);
		for (int i = 0; i < depth; i++) {
			this.at = appendBytes(this.tab, this.at);
		}
	}

	@Override
	protected void text(String text) {
		this.line.append(text);
	}

	@Override
	protected void message(String text) {
		this.line.append(text);
	}

	@Override
	protected void number(int number) {
		this.line.append(number);
	}

	/** A frame without packaging data is a function of its element alone: escaped once, then copied. */
	@Override
	protected void frame(StackTraceElementProxy frame) {
		if (frame.getClassPackagingData() != null || frame.getClass() != StackTraceElementProxy.class) {
			super.frame(frame);
			return;
		}
		StackTraceElement element = frame.getStackTraceElement();
		byte[] escaped = this.frames.get(element);
		if (escaped != null) {
			this.at = appendBytes(escaped, this.at);
			return;
		}
		int end = appendEscaped(frameText(frame), this.at);
		this.frames.put(element, Arrays.copyOfRange(this.out, this.at, end));
		this.at = end;
	}

	@Override
	protected void endLine() {
		if (this.line.length() > 0) {
			this.at = appendEscaped(this.line.toString(), this.at);
			this.line.setLength(0);
		}
		this.at = appendBytes(this.lineSeparator, this.at);
	}

	private int appendBytes(byte[] bytes, int at) {
		byte[] out = ensureOut(at + bytes.length, at);
		System.arraycopy(bytes, 0, out, at, bytes.length);
		return at + bytes.length;
	}

	/** Escapes {@code text} into {@link #output()} from {@code from}; returns where it ends. */
	int appendEscaped(String text, int from) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		// As many bytes as chars: every char is ASCII or a lone surrogate, which the encoder turned into '?'.
		// Byte i is then char i, so a '?' byte is told apart by its char below, and no separate scan for lone
		// surrogates is needed on the common, ASCII-only path.
		String oneBytePerChar = (utf8.length == text.length()) ? text : null;
		if (oneBytePerChar == null) {
			String repaired = LoneSurrogates.replace(text);
			if (repaired != text) {
				utf8 = repaired.getBytes(StandardCharsets.UTF_8);
			}
		}
		int n = utf8.length;
		// Invariant: out has room for what is written so far plus every byte still to read, unescaped.
		byte[] out = ensureOut(from + n, from);
		boolean[] asIs = this.asciiAsIs;
		int at = from;
		int i = 0;
		while (i < n) {
			int runEnd = endOfAsIs(utf8, i, n, asIs);
			if (runEnd > i) {
				System.arraycopy(utf8, i, out, at, runEnd - i);
				at += runEnd - i;
				i = runEnd;
				if (i == n) {
					break;
				}
			}
			byte b = utf8[i];
			if (b >= 0) {
				// A character Jackson escapes, or a '?' that stands for a lone surrogate.
				byte[] escaped = (b == '?' && oneBytePerChar != null && oneBytePerChar.charAt(i) != '?')
						? this.replacementEscape : this.asciiEscapes[b];
				i++;
				out = ensureOut(at + escaped.length + n - i, at);
				for (byte e : escaped) {
					out[at++] = e;
				}
			}
			else {
				int end = i + 1;
				while (end < n && utf8[end] < 0) {
					end++;
				}
				byte[] escaped = escapedByJackson(new String(utf8, i, end - i, StandardCharsets.UTF_8));
				i = end;
				out = ensureOut(at + escaped.length + n - i, at);
				System.arraycopy(escaped, 0, out, at, escaped.length);
				at += escaped.length;
			}
		}
		return at;
	}

	/**
	 * Where the run of bytes from {@code i} that Jackson writes as they are ends: eight bytes at a time while
	 * none of them needs a look, then byte by byte. Small on purpose, so that it is compiled on its own.
	 */
	private static int endOfAsIs(byte[] utf8, int i, int n, boolean[] asIs) {
		while (i + 8 <= n && !needsLook((long) LONGS.get(utf8, i))) {
			i += 8;
		}
		while (i < n && utf8[i] >= 0 && asIs[utf8[i]]) {
			i++;
		}
		return i;
	}

	/**
	 * Whether any of the eight bytes is outside printable ASCII or is {@code "}, {@code \} or {@code ?}
	 * (which may stand for a lone surrogate): a byte that may need escaping, checked individually. Exact,
	 * never misses one (the classic "has a zero byte" / "has a byte less than" word tricks).
	 */
	private static boolean needsLook(long word) {
		long high = word & 0x8080808080808080L;
		long below20 = (word - 0x2020202020202020L) & ~word;
		long quote = word ^ 0x2222222222222222L;
		long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
		long question = word ^ 0x3F3F3F3F3F3F3F3FL;
		long zeroQuote = (quote - 0x0101010101010101L) & ~quote;
		long zeroBackslash = (backslash - 0x0101010101010101L) & ~backslash;
		long zeroQuestion = (question - 0x0101010101010101L) & ~question;
		return (high | ((below20 | zeroQuote | zeroBackslash | zeroQuestion) & 0x8080808080808080L)) != 0;
	}

	byte[] output() {
		return this.out;
	}

	private byte[] ensureOut(int capacity, int used) {
		if (this.out.length < capacity) {
			byte[] larger = new byte[Math.max(capacity, this.out.length * 2)];
			System.arraycopy(this.out, 0, larger, 0, used);
			this.out = larger;
		}
		return this.out;
	}

	/** {@code text} as Jackson writes it in a string value, without the quotes. */
	private byte[] escapedByJackson(String text) {
		this.runBytes.reset();
		this.runWriter.writeString(text);
		this.runWriter.flush();
		return this.runBytes.withoutQuotes();
	}

	private static final class Bytes extends ByteArrayOutputStream {

		byte[] withoutQuotes() {
			return java.util.Arrays.copyOfRange(this.buf, 1, this.count - 1);
		}

	}

}
