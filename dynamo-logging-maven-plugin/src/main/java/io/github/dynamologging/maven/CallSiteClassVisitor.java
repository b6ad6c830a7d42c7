package io.github.dynamologging.maven;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Hands each method to a {@link CallSiteMethodVisitor} with the class's source file, and marks the class. */
final class CallSiteClassVisitor extends ClassVisitor {

	private String sourceFile = "";

	private int rewrittenCalls;

	CallSiteClassVisitor(ClassVisitor next) {
		super(Opcodes.ASM9, next);
	}

	@Override
	public void visitSource(String source, String debug) {
		this.sourceFile = (source != null) ? source : "";
		super.visitSource(source, debug);
	}

	@Override
	public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
			String[] exceptions) {
		MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
		return new CallSiteMethodVisitor(next, name, this.sourceFile, () -> this.rewrittenCalls++);
	}

	@Override
	public void visitEnd() {
		if (this.rewrittenCalls > 0) {
			super.visitAttribute(new ProcessedMarker());
		}
		super.visitEnd();
	}

	int rewrittenCalls() {
		return this.rewrittenCalls;
	}

}
