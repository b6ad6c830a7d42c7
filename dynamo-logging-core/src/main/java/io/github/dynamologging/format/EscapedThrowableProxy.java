package io.github.dynamologging.format;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * An exception as Logback renders it, with its messages escaped for the readable format: a message's
 * further lines are indented one step more than the exception's own (so they read as part of it), and it
 * cannot add colours; its class name stays on one line.
 */
final class EscapedThrowableProxy implements IThrowableProxy {

	private final IThrowableProxy delegate;

	EscapedThrowableProxy(IThrowableProxy delegate) {
		this.delegate = delegate;
	}

	private static IThrowableProxy wrap(IThrowableProxy proxy) {
		return (proxy != null) ? new EscapedThrowableProxy(proxy) : null;
	}

	private static String escape(String text) {
		return (text != null) ? ReadableText.lines(text, ReadableText.CONTINUATION) : null;
	}

	private static String escapeOneLine(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		ReadableText.appendEscaped(out, text);
		return out.toString();
	}

	@Override
	public String getOverridingMessage() {
		return escape(this.delegate.getOverridingMessage());
	}

	@Override
	public String getMessage() {
		return escape(this.delegate.getMessage());
	}

	@Override
	public String getClassName() {
		return escapeOneLine(this.delegate.getClassName());
	}

	@Override
	public StackTraceElementProxy[] getStackTraceElementProxyArray() {
		return this.delegate.getStackTraceElementProxyArray();
	}

	@Override
	public int getCommonFrames() {
		return this.delegate.getCommonFrames();
	}

	@Override
	public IThrowableProxy getCause() {
		return wrap(this.delegate.getCause());
	}

	@Override
	public IThrowableProxy[] getSuppressed() {
		IThrowableProxy[] suppressed = this.delegate.getSuppressed();
		if (suppressed == null) {
			return null;
		}
		IThrowableProxy[] wrapped = new IThrowableProxy[suppressed.length];
		for (int i = 0; i < suppressed.length; i++) {
			wrapped[i] = wrap(suppressed[i]);
		}
		return wrapped;
	}

	@Override
	public boolean isCyclic() {
		return this.delegate.isCyclic();
	}

}
