package io.github.dynamologging.maven;

import java.io.IOException;
import java.io.InputStream;

/**
 * Defines one class from its class file after {@link CallSiteRewriter} (the plugin's own rewriter) rewrote it.
 * In the plugin's package because the rewriter is package-private there.
 */
public final class RewritingLoader extends ClassLoader {

	private final Class<?> rewritten;

	public RewritingLoader(Class<?> rewritten) {
		super(rewritten.getClassLoader());
		this.rewritten = rewritten;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (!name.equals(this.rewritten.getName())) {
			return super.loadClass(name, resolve);
		}
		synchronized (getClassLoadingLock(name)) {
			Class<?> loaded = findLoadedClass(name);
			if (loaded == null) {
				byte[] classFile = rewrite(name);
				loaded = defineClass(name, classFile, 0, classFile.length);
			}
			return loaded;
		}
	}

	private byte[] rewrite(String name) throws ClassNotFoundException {
		try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
			CallSiteRewriter.Result result = new CallSiteRewriter().rewrite(in.readAllBytes());
			if (result.classFile() == null) {
				throw new IllegalStateException(name + " was not rewritten: " + result.skipped());
			}
			return result.classFile();
		}
		catch (IOException ex) {
			throw new ClassNotFoundException(name, ex);
		}
	}

}
