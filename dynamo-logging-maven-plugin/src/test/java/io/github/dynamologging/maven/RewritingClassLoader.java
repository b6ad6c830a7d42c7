package io.github.dynamologging.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/**
 * Loads the classes a test chooses from the test's own class path after {@link CallSiteRewriter} has rewritten
 * them (as the plugin would in a build), and everything else from the parent, so the same code runs rewritten
 * here and as compiled in the parent.
 */
final class RewritingClassLoader extends ClassLoader {

	private final Predicate<String> rewritten;

	private final CallSiteRewriter rewriter = new CallSiteRewriter();

	private int rewrittenCalls;

	RewritingClassLoader(ClassLoader parent, Predicate<String> rewritten) {
		super(parent);
		this.rewritten = rewritten;
	}

	/** Calls rewritten in the classes loaded so far. */
	int rewrittenCalls() {
		return this.rewrittenCalls;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (!this.rewritten.test(name)) {
			return super.loadClass(name, resolve);
		}
		synchronized (getClassLoadingLock(name)) {
			Class<?> loaded = findLoadedClass(name);
			if (loaded == null) {
				byte[] original = classFile(name);
				CallSiteRewriter.Result result = this.rewriter.rewrite(original);
				this.rewrittenCalls += result.rewrittenCalls();
				byte[] bytes = (result.classFile() != null) ? result.classFile() : original;
				loaded = defineClass(name, bytes, 0, bytes.length);
			}
			if (resolve) {
				resolveClass(loaded);
			}
			return loaded;
		}
	}

	private byte[] classFile(String name) throws ClassNotFoundException {
		try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
			if (in == null) {
				throw new ClassNotFoundException(name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
