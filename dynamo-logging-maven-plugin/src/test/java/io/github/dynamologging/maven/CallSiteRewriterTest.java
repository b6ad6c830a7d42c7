package io.github.dynamologging.maven;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;

import io.github.dynamologging.maven.CallSiteRewriter.Skipped;
import io.github.dynamologging.maven.CallerRecorder.Seen;
import io.github.dynamologging.maven.corpus.ClassicCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallSiteRewriterTest {

	private final CallSiteRewriter rewriter = new CallSiteRewriter();

	@AfterEach
	void resetLogging() {
		Corpus.LOGGING.reset();
	}

	@Test
	void processedClassIsNotRewrittenAgain() throws IOException {
		CallSiteRewriter.Result first = this.rewriter.rewrite(classFile(ClassicCalls.class));
		assertThat(first.rewrittenCalls()).isPositive();
		assertThat(first.skipped()).isNull();

		CallSiteRewriter.Result second = this.rewriter.rewrite(first.classFile());
		assertThat(second.skipped()).isEqualTo(Skipped.ALREADY_PROCESSED);
		assertThat(second.classFile()).isNull();
	}

	@Test
	void classWithoutLoggingCallsIsLeftAlone() throws IOException {
		assertThat(this.rewriter.rewrite(classFile(CallSiteRewriterTest.class)).skipped())
			.isEqualTo(Skipped.NO_LOGGING_CALLS);
		// Names the Logger interface, calls no logging method
		byte[] levelCheckOnly = generatedClass("corpus/LevelCheck", Opcodes.V17, (method) -> {
			method.visitVarInsn(Opcodes.ALOAD, 0);
			method.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/slf4j/Logger", "isDebugEnabled", "()Z", true);
			method.visitInsn(Opcodes.POP);
		});
		assertThat(this.rewriter.rewrite(levelCheckOnly).skipped()).isEqualTo(Skipped.NO_LOGGING_CALLS);
	}

	@Test
	void classForJava6HasNoInvokedynamicAndIsLeftAlone() {
		byte[] java6 = generatedClass("corpus/Java6", Opcodes.V1_6, CallSiteRewriterTest::logMessage);
		assertThat(this.rewriter.rewrite(java6).skipped()).isEqualTo(Skipped.CLASS_VERSION_TOO_OLD);
	}

	@Test
	void runtimeClassesAreNeverRewritten() {
		byte[] runtime = generatedClass("io/github/dynamologging/callsite/Logs", Opcodes.V17,
				CallSiteRewriterTest::logMessage);
		assertThat(this.rewriter.rewrite(runtime).skipped()).isEqualTo(Skipped.RUNTIME_CLASS);
	}

	@Test
	void bytesThatAreNoClassFileAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.rewriter.rewrite(new byte[] { 1, 2, 3, 4 }));
	}

	/**
	 * Line number tables javac does not write but other compilers may: several entries at the call itself (the
	 * JVM shows the first), several at an earlier offset (the JVM shows the last). The recorded line is the
	 * JVM's either way.
	 */
	@Test
	void lineIsTheOneTheJvmShowsForTheCall() throws Exception {
		byte[] compiled = generatedClass("corpus/Lines", Opcodes.V17, (method) -> {
			Label first = new Label();
			method.visitLabel(first);
			method.visitLineNumber(10, first);
			method.visitVarInsn(Opcodes.ALOAD, 0);
			method.visitLdcInsn("entries at the call");
			Label atCall = new Label();
			method.visitLabel(atCall);
			method.visitLineNumber(20, atCall);
			method.visitLineNumber(21, atCall);
			method.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/slf4j/Logger", "info", "(Ljava/lang/String;)V", true);
			Label before = new Label();
			method.visitLabel(before);
			method.visitLineNumber(30, before);
			method.visitLineNumber(31, before);
			method.visitVarInsn(Opcodes.ALOAD, 0);
			method.visitLdcInsn("entries before the call");
			method.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/slf4j/Logger", "info", "(Ljava/lang/String;)V", true);
		});
		CallerRecorder recorder = new CallerRecorder();
		Corpus.logTo(recorder);
		run(compiled);
		List<Seen> walked = recorder.seen();
		recorder.clear();
		run(this.rewriter.rewrite(compiled).classFile());
		List<Seen> rewritten = recorder.seen();

		assertThat(walked).extracting((seen) -> seen.storedLocation().line()).containsExactly(20, 31);
		assertThat(rewritten).allSatisfy((seen) -> assertThat(seen.fromCallSite()).isTrue())
			.map(Seen::caller)
			.containsExactlyElementsOf(walked.stream().map(Seen::caller).toList());
	}

	private static void run(byte[] classFile) throws Exception {
		Class<?> type = new ClassLoader(CallSiteRewriterTest.class.getClassLoader()) {
			Class<?> define() {
				return defineClass(null, classFile, 0, classFile.length);
			}
		}.define();
		Method log = type.getMethod("log", org.slf4j.Logger.class);
		log.invoke(null, LoggerFactory.getLogger("corpus.Lines"));
	}

	private static void logMessage(MethodVisitor method) {
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitLdcInsn("message");
		method.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/slf4j/Logger", "info", "(Ljava/lang/String;)V", true);
	}

	/** A class with {@code public static void log(org.slf4j.Logger)} whose body {@code code} writes. */
	private static byte[] generatedClass(String name, int version, java.util.function.Consumer<MethodVisitor> code) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
		writer.visitSource("Lines.java", null);
		MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "log",
				"(Lorg/slf4j/Logger;)V", null, null);
		method.visitCode();
		code.accept(method);
		method.visitInsn(Opcodes.RETURN);
		method.visitMaxs(0, 0);
		method.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

	static byte[] classFile(Class<?> type) throws IOException {
		try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			return in.readAllBytes();
		}
	}

}
