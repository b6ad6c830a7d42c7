package io.github.dynamologging.format;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * An exception as Logback renders it, with its messages escaped for the readable format: the stack trace
 * keeps its own line breaks, but a message cannot add lines or colours of its own.
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
		return (text != null) ? ReadableText.escaped(text) : null;
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
		return escape(this.delegate.getClassName());
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
