package io.github.dynamologging.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rewrites every class file under a directory in place. A rewritten file replaces the old one in one move
 * (never half written) and keeps its modification time, so incremental compilers see nothing new.
 */
final class ClassesDirectoryRewrite {

	private final CallSiteRewriter rewriter = new CallSiteRewriter();

	/**
	 * What a run did.
	 * @param rewrittenCalls calls rewritten
	 * @param rewrittenClasses classes that had at least one
	 * @param skipped classes left as they were, by reason
	 * @param unreadable class files that could not be read, each with the reason
	 */
	record Report(int rewrittenCalls, int rewrittenClasses, Map<CallSiteRewriter.Skipped, Integer> skipped,
			List<String> unreadable) {

		int skipped(CallSiteRewriter.Skipped reason) {
			return this.skipped.getOrDefault(reason, 0);
		}

	}

	Report rewrite(Path classesDirectory) throws IOException {
		int calls = 0;
		int classes = 0;
		Map<CallSiteRewriter.Skipped, Integer> skipped = new EnumMap<>(CallSiteRewriter.Skipped.class);
		List<String> unreadable = new ArrayList<>();
		for (Path classFile : classFiles(classesDirectory)) {
			CallSiteRewriter.Result result;
			try {
				result = this.rewriter.rewrite(Files.readAllBytes(classFile));
			}
			catch (IllegalArgumentException ex) {
				// A class file version newer than ASM knows, or a damaged file
				unreadable.add(classesDirectory.relativize(classFile) + ": " + ex.getMessage());
				continue;
			}
			if (result.skipped() != null) {
				skipped.merge(result.skipped(), 1, Integer::sum);
				continue;
			}
			replace(classFile, result.classFile());
			calls += result.rewrittenCalls();
			classes++;
		}
		return new Report(calls, classes, skipped, unreadable);
	}

	private static List<Path> classFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".class") && Files.isRegularFile(file))
				.sorted()
				.toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static void replace(Path classFile, byte[] bytes) throws IOException {
		FileTime modified = Files.getLastModifiedTime(classFile);
		Path temporary = classFile.resolveSibling(classFile.getFileName() + ".dynamo-logging.tmp");
		Files.write(temporary, bytes);
		Files.setLastModifiedTime(temporary, modified);
		Files.move(temporary, classFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
