package io.github.dynamologging.maven;

import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

/**
 * A class attribute that says the class was processed. The JVM ignores attributes it does not know, so it
 * costs the class nothing at run time; it keeps a second run (an incremental build, a goal bound twice) from
 * rewriting calls that are already rewritten.
 */
final class ProcessedMarker extends Attribute {

	static final String NAME = "io.github.dynamologging.CallSitesRecorded";

	ProcessedMarker() {
		super(NAME);
	}

	@Override
	protected Attribute read(ClassReader classReader, int offset, int length, char[] charBuffer, int codeAttributeOffset,
			Label[] labels) {
		return new ProcessedMarker();
	}

	@Override
	protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack, int maxLocals) {
		return new ByteVector(0);
	}

	/** Tells whether a class carries the marker. */
	static final class Finder extends ClassVisitor {

		private boolean found;

		Finder() {
			super(Opcodes.ASM9);
		}

		@Override
		public void visitAttribute(Attribute attribute) {
			if (NAME.equals(attribute.type)) {
				this.found = true;
			}
		}

		boolean found() {
			return this.found;
		}

	}

}
