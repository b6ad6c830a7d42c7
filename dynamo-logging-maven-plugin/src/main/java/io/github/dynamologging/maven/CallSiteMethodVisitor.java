package io.github.dynamologging.maven;

import java.util.Set;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the SLF4J logging calls of one method into {@code invokedynamic}s that carry the call's line.
 * <p>
 * The line is the one the JVM shows for the frame while the call runs (what a stack walk reports): the line
 * number entry that starts at the call instruction itself, the first one if there are several; otherwise the
 * last entry at the nearest offset before it. The class reader visits instructions in offset order with each
 * offset's line entries just before its instruction, in table order, so both are known when the call is
 * visited.
 */
final class CallSiteMethodVisitor extends MethodVisitor {

	static final String LOGGER = "org/slf4j/Logger";

	static final String EVENT_BUILDER = "org/slf4j/spi/LoggingEventBuilder";

	static final String RUNTIME_PACKAGE = "io/github/dynamologging/callsite/";

	static final String BOOTSTRAP_OWNER = RUNTIME_PACKAGE + "CallSiteBootstrap";

	private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, BOOTSTRAP_OWNER, "link",
			"(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
					+ "Ljava/lang/String;Ljava/lang/String;I)Ljava/lang/invoke/CallSite;",
			false);

	private static final Set<String> LEVEL_METHODS = Set.of("trace", "debug", "info", "warn", "error");

	private final String methodName;

	private final String sourceFile;

	private final Runnable onRewrite;

	/** The line in effect after the previous instructions: no entry starts at the current offset. */
	private int lineBefore = -1;

	/** Whether line entries start at the current offset, i.e. since the last instruction. */
	private boolean entriesHere;

	private int firstEntryHere;

	private int lastEntryHere;

	CallSiteMethodVisitor(MethodVisitor next, String methodName, String sourceFile, Runnable onRewrite) {
		super(Opcodes.ASM9, next);
		this.methodName = methodName;
		this.sourceFile = sourceFile;
		this.onRewrite = onRewrite;
	}

	@Override
	public void visitLineNumber(int line, Label start) {
		if (!this.entriesHere) {
			this.entriesHere = true;
			this.firstEntryHere = line;
		}
		this.lastEntryHere = line;
		super.visitLineNumber(line, start);
	}

	@Override
	public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
		if (opcode == Opcodes.INVOKEINTERFACE && isLoggingCall(owner, name, descriptor)) {
			int line = this.entriesHere ? this.firstEntryHere : this.lineBefore;
			instruction();
			super.visitInvokeDynamicInsn(name, "(L" + owner + ";" + descriptor.substring(1), BOOTSTRAP,
					this.methodName, this.sourceFile, line);
			this.onRewrite.run();
			return;
		}
		instruction();
		super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
	}

	private static boolean isLoggingCall(String owner, String name, String descriptor) {
		if (!descriptor.endsWith(")V")) {
			return false;
		}
		return (LOGGER.equals(owner) && LEVEL_METHODS.contains(name))
				|| (EVENT_BUILDER.equals(owner) && "log".equals(name));
	}

	/** An instruction was visited: the next offset starts without line entries of its own. */
	private void instruction() {
		if (this.entriesHere) {
			this.lineBefore = this.lastEntryHere;
			this.entriesHere = false;
		}
	}

	@Override
	public void visitInsn(int opcode) {
		instruction();
		super.visitInsn(opcode);
	}

	@Override
	public void visitIntInsn(int opcode, int operand) {
		instruction();
		super.visitIntInsn(opcode, operand);
	}

	@Override
	public void visitVarInsn(int opcode, int varIndex) {
		instruction();
		super.visitVarInsn(opcode, varIndex);
	}

	@Override
	public void visitTypeInsn(int opcode, String type) {
		instruction();
		super.visitTypeInsn(opcode, type);
	}

	@Override
	public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
		instruction();
		super.visitFieldInsn(opcode, owner, name, descriptor);
	}

	@Override
	public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
			Object... bootstrapMethodArguments) {
		instruction();
		super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
	}

	@Override
	public void visitJumpInsn(int opcode, Label label) {
		instruction();
		super.visitJumpInsn(opcode, label);
	}

	@Override
	public void visitLdcInsn(Object value) {
		instruction();
		super.visitLdcInsn(value);
	}

	@Override
	public void visitIincInsn(int varIndex, int increment) {
		instruction();
		super.visitIincInsn(varIndex, increment);
	}

	@Override
	public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
		instruction();
		super.visitTableSwitchInsn(min, max, dflt, labels);
	}

	@Override
	public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
		instruction();
		super.visitLookupSwitchInsn(dflt, keys, labels);
	}

	@Override
	public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
		instruction();
		super.visitMultiANewArrayInsn(descriptor, numDimensions);
	}

}
