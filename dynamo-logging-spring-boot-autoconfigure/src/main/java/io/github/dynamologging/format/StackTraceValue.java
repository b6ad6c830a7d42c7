package io.github.dynamologging.format;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes {@code exception.stacktrace}, a few KB of almost always ASCII text, as one JSON string value,
 * escaped exactly as the line's generator would escape it but without its char-by-char work on the bulk.
 * <p>
 * The escapes are Jackson's: the escaped form of every ASCII character is asked of the line's own
 * {@link JsonFactory} once, and every run of non-ASCII characters is escaped by a generator of that
 * factory. This class only copies: ASCII characters that Jackson writes as they are go straight to the
 * output, the rest as Jackson wrote them. The result goes into the line with
 * {@link JsonGenerator#writeRawUTF8String}. Not thread-safe: one per thread.
 */
final class StackTraceValue {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	/** What Jackson writes for each ASCII character, and whether that is the character itself. */
	private final byte[][] asciiEscapes = new byte[128][];

	private final boolean[] asciiAsIs = new boolean[128];

	private final Bytes runBytes = new Bytes();

	/** Escapes runs of non-ASCII characters. */
	private final JsonGenerator runWriter;

	private static final int INITIAL = 4096;

	private static final int MAX_KEPT = 64 * 1024;

	private byte[] out = new byte[INITIAL];

	StackTraceValue(JsonFactory json) {
		this.runWriter = json.createGenerator(ObjectWriteContext.empty(), this.runBytes);
		for (char c = 0; c < 128; c++) {
			byte[] escaped = escapedByJackson(String.valueOf(c));
			this.asciiAsIs[c] = escaped.length == 1 && escaped[0] == c;
			this.asciiEscapes[c] = escaped;
		}
	}

	/** Writes Logback's rendering of {@code throwable} (without its final line break) as a string value. */
	void write(JsonGenerator json, IThrowableProxy throwable) {
		String text = ThrowableProxyUtil.asString(throwable);
		int length = text.endsWith(CoreConstants.LINE_SEPARATOR)
				? text.length() - CoreConstants.LINE_SEPARATOR.length() : text.length();
		int written = escape(text, length);
		json.writeRawUTF8String(this.out, 0, written);
		if (this.out.length > MAX_KEPT) {
			// One huge exception message must not stay in every thread's buffer.
			this.out = new byte[INITIAL];
		}
	}

	/** Escapes the first {@code length} chars of {@code text} into {@link #output()}; returns the byte count. */
	int escape(String text, int length) {
		// Without lone surrogates the UTF-8 bytes are exact (a String copy for ASCII text), and an ASCII
		// byte in them is always a whole character. An ASCII tail to leave out (the final line separator)
		// is left out of the bytes rather than cut off the text with a copy.
		String whole = isAscii(text, length) ? text : text.substring(0, length);
		byte[] utf8 = LoneSurrogates.replace(whole).getBytes(StandardCharsets.UTF_8);
		int n = utf8.length - (whole.length() - length);
		byte[] out = ensureOut(n, 0);
		boolean[] asIs = this.asciiAsIs;
		int at = 0;
		int i = 0;
		while (i < n) {
			int runStart = i;
			// Skip eight bytes at a time while none of them needs a look, then go byte by byte.
			while (i + 8 <= n && !needsLook((long) LONGS.get(utf8, i))) {
				i += 8;
			}
			while (i < n && utf8[i] >= 0 && asIs[utf8[i]]) {
				i++;
			}
			if (i > runStart) {
				System.arraycopy(utf8, runStart, out, at, i - runStart);
				at += i - runStart;
				if (i == n) {
					break;
				}
			}
			byte b = utf8[i];
			if (b >= 0) {
				// Mostly the \n and \t between the lines: a few bytes, copied here rather than by arraycopy.
				byte[] escaped = this.asciiEscapes[b];
				if (at + escaped.length + n - i > out.length) {
					out = ensureOut(at + escaped.length + n - i, at);
				}
				for (byte e : escaped) {
					out[at++] = e;
				}
				i++;
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

	private static boolean isAscii(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (text.charAt(i) >= 128) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether any of the eight bytes is outside printable ASCII or is {@code "} or {@code \}: a byte that
	 * may need escaping, checked individually against Jackson's escapes. Exact, never misses one
	 * (the classic "has a zero byte" / "has a byte less than" word tricks).
	 */
	private static boolean needsLook(long word) {
		long high = word & 0x8080808080808080L;
		long below20 = (word - 0x2020202020202020L) & ~word;
		long quote = word ^ 0x2222222222222222L;
		long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
		long zeroQuote = (quote - 0x0101010101010101L) & ~quote;
		long zeroBackslash = (backslash - 0x0101010101010101L) & ~backslash;
		return (high | ((below20 | zeroQuote | zeroBackslash) & 0x8080808080808080L)) != 0;
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
