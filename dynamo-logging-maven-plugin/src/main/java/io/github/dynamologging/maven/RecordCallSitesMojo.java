package io.github.dynamologging.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records the source file and line of each SLF4J logging call in the project's compiled classes (see
 * {@link CallSiteRewriter}), so that the starter's console takes the caller from there instead of walking the
 * stack. Runs after compilation; running it again leaves processed classes alone.
 */
@Mojo(name = "record-call-sites", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
		requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RecordCallSitesMojo extends AbstractMojo {

	/** The compiled classes to process, in place. */
	@Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
	private File classesDirectory;

	/** Where the starter's run-time side must be found: a rewritten call needs it to run. */
	@Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
	private List<String> runtimeClasspath;

	/** Leaves the classes as they are (their calls keep the stack walk). */
	@Parameter(property = "dynamo.logging.call-sites.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException {
		if (this.skip) {
			getLog().info("Call sites not recorded: dynamo.logging.call-sites.skip is true");
			return;
		}
		Path classes = this.classesDirectory.toPath();
		if (!Files.isDirectory(classes)) {
			getLog().info("Call sites not recorded: no compiled classes in " + classes);
			return;
		}
		if (!runtimeOnClasspath()) {
			getLog().warn("Call sites not recorded in " + classes + ": the runtime class path has no "
					+ CallSiteRewriter.BOOTSTRAP_CLASS_FILE + ", which a rewritten call needs to run. Add the "
					+ "dependency io.github.dynamologging:dynamo-logging-spring-boot-starter (the same version as this "
					+ "plugin), or remove the plugin. The classes are left as they are; their lines keep the stack walk.");
			return;
		}
		ClassesDirectoryRewrite.Report report;
		try {
			report = new ClassesDirectoryRewrite().rewrite(classes);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not rewrite the classes in " + classes + ": " + ex
					+ ". Check that the directory is writable, then run the build again.", ex);
		}
		for (String unreadable : report.unreadable()) {
			getLog().warn("Class file left as it is, its lines keep the stack walk: " + unreadable
					+ " (a class file version newer than this plugin reads, or a damaged file: a clean build "
					+ "rewrites it if it is damaged)");
		}
		getLog().info(summary(report, classes));
	}

	private static String summary(ClassesDirectoryRewrite.Report report, Path classes) {
		StringBuilder summary = new StringBuilder().append("Recorded the file and line of ")
			.append(report.rewrittenCalls())
			.append(" SLF4J logging calls in ")
			.append(report.rewrittenClasses())
			.append(" classes of ")
			.append(classes);
		int already = report.skipped(CallSiteRewriter.Skipped.ALREADY_PROCESSED);
		if (already > 0) {
			summary.append("; ").append(already).append(" classes were already processed");
		}
		int tooOld = report.skipped(CallSiteRewriter.Skipped.CLASS_VERSION_TOO_OLD);
		if (tooOld > 0) {
			summary.append("; ").append(tooOld).append(" classes compiled for Java 6 or older keep the stack walk");
		}
		return summary.toString();
	}

	private boolean runtimeOnClasspath() {
		for (String element : this.runtimeClasspath) {
			Path path = Path.of(element);
			if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(CallSiteRewriter.BOOTSTRAP_CLASS_FILE))) {
				return true;
			}
			if (Files.isRegularFile(path) && hasEntry(path, CallSiteRewriter.BOOTSTRAP_CLASS_FILE)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasEntry(Path jar, String entry) {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.getEntry(entry) != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
