package io.github.dynamologging.maven;

import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one class file: each {@code invokeinterface} of an SLF4J logging method ({@code Logger.trace}
 * ... {@code Logger.error}, all overloads, and {@code LoggingEventBuilder.log}) becomes an {@code invokedynamic}
 * of the same method with the receiver as first argument, bootstrapped by the starter's
 * {@code io.github.dynamologging.callsite.CallSiteBootstrap} with the calling method's name, the source file and
 * the call's line. The operand stack is the same before and after, so nothing else in the class changes but
 * the constant pool and a marker attribute that keeps a second run from rewriting the class again.
 */
final class CallSiteRewriter {

	/** The class file of the run-time bootstrap, relative to a class path root. */
	public static final String BOOTSTRAP_CLASS_FILE = CallSiteMethodVisitor.BOOTSTRAP_OWNER + ".class";

	private static final String[] LOGGING_OWNERS = { CallSiteMethodVisitor.LOGGER,
			CallSiteMethodVisitor.EVENT_BUILDER };

	/**
	 * The rewritten class file, or what kept it as it was.
	 * @param rewrittenCalls how many calls were rewritten; 0 when the class is to be left as it is
	 * @param classFile the new class file; null when the class is to be left as it is
	 * @param skipped why the class was left as it is, or null when it was rewritten
	 */
	public record Result(int rewrittenCalls, byte[] classFile, Skipped skipped) {

		static Result skipped(Skipped reason) {
			return new Result(0, null, reason);
		}

	}

	/** Why a class was left as it is. */
	public enum Skipped {

		/** No call of SLF4J's logging methods. */
		NO_LOGGING_CALLS,

		/** Rewritten by an earlier run. */
		ALREADY_PROCESSED,

		/** Compiled for Java 6 or earlier, which has no {@code invokedynamic}. */
		CLASS_VERSION_TOO_OLD,

		/** Part of the starter's run-time side, which must never call itself through a call site. */
		RUNTIME_CLASS

	}

	/**
	 * Rewrites {@code classFile}.
	 * @throws IllegalArgumentException when the bytes are not a class file this version of ASM reads
	 */
	public Result rewrite(byte[] classFile) {
		try {
			return rewriteClass(classFile);
		}
		catch (IllegalArgumentException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// ASM reads a damaged class file past its end or into nonsense
			throw new IllegalArgumentException("not a valid class file (" + ex + ")", ex);
		}
	}

	private Result rewriteClass(byte[] classFile) {
		ClassReader reader = new ClassReader(classFile);
		if (!referencesLoggingApi(reader)) {
			return Result.skipped(Skipped.NO_LOGGING_CALLS);
		}
		if (reader.getClassName().startsWith(CallSiteMethodVisitor.RUNTIME_PACKAGE)) {
			return Result.skipped(Skipped.RUNTIME_CLASS);
		}
		if (readUnsignedShort(classFile, 6) < Opcodes.V1_7) {
			return Result.skipped(Skipped.CLASS_VERSION_TOO_OLD);
		}
		ProcessedMarker.Finder marker = new ProcessedMarker.Finder();
		reader.accept(marker, new Attribute[] { new ProcessedMarker() },
				ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		if (marker.found()) {
			return Result.skipped(Skipped.ALREADY_PROCESSED);
		}
		// The reader's constant pool is copied as it is; frames are unchanged, so none are computed.
		ClassWriter writer = new ClassWriter(reader, 0);
		CallSiteClassVisitor visitor = new CallSiteClassVisitor(writer);
		reader.accept(visitor, 0);
		if (visitor.rewrittenCalls() == 0) {
			return Result.skipped(Skipped.NO_LOGGING_CALLS);
		}
		return new Result(visitor.rewrittenCalls(), writer.toByteArray(), null);
	}

	/** Whether the constant pool names a logging method of SLF4J's: most classes do not, and are not parsed. */
	private static boolean referencesLoggingApi(ClassReader reader) {
		char[] buffer = new char[reader.getMaxStringLength()];
		for (int item = 1; item < reader.getItemCount(); item++) {
			int offset = reader.getItem(item);
			if (offset > 0 && reader.readByte(offset - 1) == 11 /* CONSTANT_InterfaceMethodref */) {
				String owner = reader.readClass(offset, buffer);
				for (String loggingOwner : LOGGING_OWNERS) {
					if (loggingOwner.equals(owner)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static int readUnsignedShort(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
	}

}
