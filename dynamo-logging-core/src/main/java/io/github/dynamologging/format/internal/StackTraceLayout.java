package io.github.dynamologging.format.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;

/**
 * How every output of the starter writes an exception, decided here once (docs/output.md, "Stack traces"):
 * Logback's layout. The exception's first line ({@code <class>: <message>}, or the exception's own
 * {@code toString()} where that says something else); its frames one step deeper ({@code at ...}, with
 * Logback's packaging data when it has any); {@code ... n common frames omitted} for the frames it shares
 * with the exception it belongs to; each suppressed exception ({@code Suppressed: }) one step deeper than
 * its frames; then its cause ({@code Caused by: }) at its own depth. An exception met a second time is
 * written as {@code [CIRCULAR REFERENCE: <its first line>]} and nothing more. Nothing is cut: every cause,
 * every frame, every character of every message.
 * <p>
 * A subclass is one output's escaping and nothing else: it is told where each line starts and at what depth
 * (Logback's number of tabs), the text that stays on the line, an exception's message (free text that may
 * hold line breaks), each frame, and where the line ends. Not thread-safe.
 *
 * Not API: may change in any release.
 */
public abstract class StackTraceLayout {

	/**
	 * The exceptions laid out so far in this trace, to tell a repeat that Logback did not mark: the first few
	 * in an array, any more in an identity set, so a chain of thousands costs no quadratic scan.
	 */
	private final IThrowableProxy[] seen = new IThrowableProxy[32];

	private int seenCount;

	private Set<IThrowableProxy> seenMany;

	protected StackTraceLayout() {
	}

	/**
	 * The plain text of an exception: exactly what Logback's {@code ThrowableProxyUtil.asString} gives, without
	 * its last line break. The {@code exception.stacktrace} of an OTLP log record.
	 */
	public static String plainText(IThrowableProxy throwable) {
		PlainText text = new PlainText();
		text.layOut(throwable);
		return text.text();
	}

	/** The text of a frame, as every output shows it before its own escaping. */
	public static String frameText(StackTraceElementProxy frame) {
		StringBuilder text = new StringBuilder(128);
		ThrowableProxyUtil.subjoinSTEP(text, frame);
		return text.toString();
	}

	/** Lays out {@code throwable} with its suppressed exceptions and its causes. */
	public final void layOut(IThrowableProxy throwable) {
		try {
			layOut(null, ThrowableProxyUtil.REGULAR_EXCEPTION_INDENT, throwable);
		}
		finally {
			Arrays.fill(this.seen, 0, this.seenCount, null);
			this.seenCount = 0;
			this.seenMany = null;
		}
	}

	/** Starts a line at {@code depth}: Logback writes that many tabs first. */
	protected abstract void startLine(int depth);

	/** Text that must stay on its line: a class name, a prefix, a frame. */
	protected abstract void text(String text);

	/** An exception's message, or its own {@code toString()}: free text that may hold line breaks. */
	protected abstract void message(String text);

	/** One frame; {@link #frameText} unless the output has it ready. */
	protected void frame(StackTraceElementProxy frame) {
		text(frameText(frame));
	}

	/** A number on the line: {@link #text} of its decimal digits unless the output can do without the string. */
	protected void number(int number) {
		text(Integer.toString(number));
	}

	protected abstract void endLine();

	/** Causes are walked in a loop, suppressed exceptions by recursion: no chain of causes is too long. */
	private void layOut(String prefix, int depth, IThrowableProxy throwable) {
		while (throwable != null) {
			boolean again = !firstTime(throwable);
			firstLine(depth - 1, prefix, throwable, again || throwable.isCyclic());
			if (again) {
				// Logback marks a repeat it finds itself; a proxy made elsewhere could loop forever.
				return;
			}
			frames(depth, throwable);
			IThrowableProxy[] suppressed = throwable.getSuppressed();
			if (suppressed != null) {
				for (IThrowableProxy each : suppressed) {
					layOut(CoreConstants.SUPPRESSED, depth + ThrowableProxyUtil.SUPPRESSED_EXCEPTION_INDENT, each);
				}
			}
			prefix = CoreConstants.CAUSED_BY;
			throwable = throwable.getCause();
		}
	}

	private void firstLine(int depth, String prefix, IThrowableProxy throwable, boolean circular) {
		startLine(depth);
		if (prefix != null) {
			text(prefix);
		}
		if (circular) {
			text("[CIRCULAR REFERENCE: ");
		}
		String overriding = throwable.getOverridingMessage();
		if (overriding != null) {
			message(overriding);
		}
		else {
			text(String.valueOf(throwable.getClassName()));
			text(": ");
			message(String.valueOf(throwable.getMessage()));
		}
		if (circular) {
			text("]");
		}
		endLine();
	}

	private void frames(int depth, IThrowableProxy throwable) {
		StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
		int shown = (frames != null) ? frames.length - throwable.getCommonFrames() : 0;
		for (int i = 0; i < shown; i++) {
			startLine(depth);
			frame(frames[i]);
			endLine();
		}
		if (throwable.getCommonFrames() > 0) {
			startLine(depth);
			text("... ");
			number(throwable.getCommonFrames());
			text(" common frames omitted");
			endLine();
		}
	}

	private boolean firstTime(IThrowableProxy throwable) {
		if (this.seenMany != null) {
			return this.seenMany.add(throwable);
		}
		for (int i = 0; i < this.seenCount; i++) {
			if (this.seen[i] == throwable) {
				return false;
			}
		}
		if (this.seenCount == this.seen.length) {
			this.seenMany = Collections.newSetFromMap(new IdentityHashMap<>());
			this.seenMany.addAll(Arrays.asList(this.seen));
			return this.seenMany.add(throwable);
		}
		this.seen[this.seenCount++] = throwable;
		return true;
	}

	/** The text as it is, lines ended by the platform's line separator as Logback ends them. */
	private static final class PlainText extends StackTraceLayout {

		private final StringBuilder text = new StringBuilder(2048);

		@Override
		protected void startLine(int depth) {
			for (int i = 0; i < depth; i++) {
				this.text.append(CoreConstants.TAB);
			}
		}

		@Override
		protected void text(String text) {
			this.text.append(text);
		}

		@Override
		protected void message(String text) {
			this.text.append(text);
		}

		@Override
		protected void endLine() {
			this.text.append(CoreConstants.LINE_SEPARATOR);
		}

		String text() {
			int length = this.text.length() - CoreConstants.LINE_SEPARATOR.length();
			return this.text.substring(0, Math.max(length, 0));
		}

	}

}
