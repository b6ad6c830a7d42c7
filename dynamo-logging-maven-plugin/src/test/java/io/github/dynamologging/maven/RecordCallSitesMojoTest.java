package io.github.dynamologging.maven;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.dynamologging.callsite.CallSiteBootstrap;
import io.github.dynamologging.maven.corpus.ClassicCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;

/** The goal on a directory of compiled classes, as Maven runs it after compilation. */
class RecordCallSitesMojoTest {

	private static final Pattern SUMMARY = Pattern
		.compile("Recorded the file and line of (\\d+) SLF4J logging calls in (\\d+) classes of .*");

	@TempDir
	Path classes;

	private final RecordingLog log = new RecordingLog();

	private Path runtime;

	@BeforeEach
	void compiledClasses() throws IOException, URISyntaxException {
		Path testClasses = Path.of(ClassicCalls.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path corpus = testClasses.resolve("io/github/dynamologging/maven/corpus");
		Path target = Files.createDirectories(this.classes.resolve("io/github/dynamologging/maven/corpus"));
		try (Stream<Path> files = Files.list(corpus)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		Files.copy(testClasses.resolve("io/github/dynamologging/maven/RecordingLog.class"),
				this.classes.resolve("NoLogging.class"));
		Files.write(this.classes.resolve("Damaged.class"), new byte[] { (byte) 0xCA, (byte) 0xFE, 0, 1 });
		this.runtime = Path.of(CallSiteBootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	@Test
	void rewritesEachLoggingCallAndSaysHowMany() throws Exception {
		Map<Path, byte[]> before = classFiles();
		Path classicCalls = this.classes.resolve("io/github/dynamologging/maven/corpus/ClassicCalls.class");
		FileTime modified = Files.getLastModifiedTime(classicCalls);

		mojo(List.of(this.classes.toString(), this.runtime.toString()), false).execute();

		Matcher summary = summary();
		int calls = Integer.parseInt(summary.group(1));
		Map<Path, byte[]> after = classFiles();
		assertThat(calls).isPositive().isEqualTo(recordedCallSites(after));
		long changed = after.keySet().stream().filter((file) -> !Arrays.equals(before.get(file), after.get(file))).count();
		assertThat(Integer.parseInt(summary.group(2))).isEqualTo((int) changed);
		assertThat(after.get(Path.of("NoLogging.class"))).isEqualTo(before.get(Path.of("NoLogging.class")));
		assertThat(this.log.warnings).singleElement().asString().contains("Damaged.class", "not a valid class file");
		assertThat(Files.getLastModifiedTime(classicCalls)).isEqualTo(modified);
	}

	@Test
	void secondRunLeavesProcessedClassesAlone() throws Exception {
		mojo(List.of(this.classes.toString(), this.runtime.toString()), false).execute();
		int rewrittenClasses = Integer.parseInt(summary().group(2));
		Map<Path, byte[]> once = classFiles();
		this.log.infos.clear();

		mojo(List.of(this.classes.toString(), this.runtime.toString()), false).execute();

		assertThat(summary().group(1)).isEqualTo("0");
		assertThat(this.log.infos).singleElement().asString()
			.endsWith("; " + rewrittenClasses + " classes were already processed");
		assertThat(classFiles()).containsExactlyInAnyOrderEntriesOf(once);
	}

	@Test
	void withoutTheStarterOnTheClassPathClassesAreLeftAlone() throws Exception {
		Map<Path, byte[]> before = classFiles();

		mojo(List.of(this.classes.toString()), false).execute();

		assertThat(classFiles()).containsExactlyInAnyOrderEntriesOf(before);
		assertThat(this.log.warnings).singleElement().asString()
			.contains("io/github/dynamologging/callsite/CallSiteBootstrap.class",
					"io.github.dynamologging:dynamo-logging-spring-boot-starter", "keep the stack walk");
	}

	@Test
	void skipLeavesClassesAlone() throws Exception {
		Map<Path, byte[]> before = classFiles();

		mojo(List.of(this.classes.toString(), this.runtime.toString()), true).execute();

		assertThat(classFiles()).containsExactlyInAnyOrderEntriesOf(before);
		assertThat(this.log.infos).containsExactly("Call sites not recorded: dynamo.logging.call-sites.skip is true");
	}

	private Matcher summary() {
		assertThat(this.log.infos).hasSize(1);
		Matcher matcher = SUMMARY.matcher(this.log.infos.get(0));
		assertThat(matcher.matches()).as(this.log.infos.get(0)).isTrue();
		return matcher;
	}

	private RecordCallSitesMojo mojo(List<String> runtimeClasspath, boolean skip) throws ReflectiveOperationException {
		RecordCallSitesMojo mojo = new RecordCallSitesMojo();
		set(mojo, "classesDirectory", this.classes.toFile());
		set(mojo, "runtimeClasspath", runtimeClasspath);
		set(mojo, "skip", skip);
		mojo.setLog(this.log);
		return mojo;
	}

	/** Sets a parameter field as Maven does, from outside. */
	private static void set(RecordCallSitesMojo mojo, String name, Object value) throws ReflectiveOperationException {
		Field field = RecordCallSitesMojo.class.getDeclaredField(name);
		field.setAccessible(true);
		field.set(mojo, value);
	}

	private Map<Path, byte[]> classFiles() throws IOException {
		Map<Path, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(this.classes)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				files.put(this.classes.relativize(file), Files.readAllBytes(file));
			}
		}
		return files;
	}

	/** invokedynamic instructions bootstrapped by the starter's call site bootstrap, counted independently. */
	private static int recordedCallSites(Map<Path, byte[]> classFiles) {
		int[] count = { 0 };
		classFiles.forEach((path, bytes) -> {
			if (path.toString().equals("Damaged.class")) {
				return;
			}
			new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
				@Override
				public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
						String[] exceptions) {
					return new MethodVisitor(Opcodes.ASM9) {
						@Override
						public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
								Object... arguments) {
							if (bootstrap.getOwner().equals("io/github/dynamologging/callsite/CallSiteBootstrap")) {
								count[0]++;
							}
						}
					};
				}
			}, 0);
		});
		return count[0];
	}

}
