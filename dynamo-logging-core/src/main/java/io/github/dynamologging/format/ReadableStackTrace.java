package io.github.dynamologging.format;

import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.dynamologging.format.internal.StackTraceLayout;

/**
 * An exception in the readable format ({@link StackTraceLayout}'s layout): every line indented by
 * {@link ReadableText#CONTINUATION}, and again as much for each step of depth, so no line of it starts like an
 * event; each escaped as one line ({@link ReadableText}), except that a message's line breaks go on, two spaces
 * deeper than the exception's own first line. Not thread-safe: one per thread.
 */
final class ReadableStackTrace extends StackTraceLayout {

	private StringBuilder out;

	/** The indentation of the line being written. */
	private int indent;

	/** Appends the lines of {@code throwable}, each ending with {@code \n}. */
	void append(StringBuilder out, IThrowableProxy throwable) {
		this.out = out;
		try {
			layOut(throwable);
		}
		finally {
			this.out = null;
		}
	}

	@Override
	protected void startLine(int depth) {
		this.indent = ReadableText.CONTINUATION.length() * (depth + 1);
		for (int i = 0; i < this.indent; i++) {
			this.out.append(' ');
		}
	}

	@Override
	protected void text(String text) {
		ReadableText.appendEscaped(this.out, text);
	}

	@Override
	protected void message(String text) {
		ReadableText.appendLines(this.out, text, " ".repeat(this.indent) + ReadableText.CONTINUATION);
	}

	@Override
	protected void endLine() {
		this.out.append('\n');
	}

}
