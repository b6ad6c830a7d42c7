package io.github.dynamologging.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.dynamologging.config.ConfigSources;
import io.github.dynamologging.config.internal.ConfigFileBytes;
import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import io.github.dynamologging.config.internal.LoggingConfigFile;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Dynamo's two logging TOML files as the environment post-processor names them ({@code config-path},
 * then {@code default-config-path}), and the bytes of each that applied: at start, or at the last reload.
 * A file that is gone, empty, cut off or unusable keeps the bytes (and so the levels) that applied last.
 */
final class ConfigFiles {

	private final ConfigSources.TomlPaths paths;

	/** The bytes that applied, per candidate; a file missing here does not apply. */
	private final Map<Path, byte[]> appliedBytes = new LinkedHashMap<>();

	private volatile Applied applied;

	private ConfigFiles(ConfigSources.TomlPaths paths) {
		this.paths = paths;
		this.applied = Applied.NONE;
	}

	/** The files of this environment; those whose property sources exist applied at start. */
	static ConfigFiles of(ConfigurableEnvironment environment) {
		// The start already warned about a path that is not valid.
		ConfigFiles files = new ConfigFiles(ConfigSources.tomlPaths(environment, (warning) -> {
		}));
		for (Path file : files.candidates()) {
			if (environment.getPropertySources().contains(files.which(file).sourceName())) {
				files.appliedBytes.put(file, bytesNow(file));
			}
		}
		files.applied = files.describeApplied();
		return files;
	}

	/** The bytes of a file that applied at start; none if it cannot be read again (the next change applies). */
	private static byte[] bytesNow(Path file) {
		try {
			return ConfigFileBytes.readIfExists(file).orElse(new byte[0]);
		}
		catch (InvalidLoggingConfigFileException ex) {
			return new byte[0];
		}
	}

	/** Which files applied, at start or at the last reload, and their hash. */
	Applied applied() {
		return this.applied;
	}

	/** Which of the two files it is. */
	ConfigSources.TomlFile which(Path file) {
		return file.equals(this.paths.named()) ? ConfigSources.TomlFile.NAMED : ConfigSources.TomlFile.DEFAULT;
	}

	/** The files that may apply, highest first: what a watcher watches. */
	List<Path> candidates() {
		return this.paths.candidates();
	}

	/** Reads every file as it is now; never throws for what a file holds or is. */
	synchronized Reading read() {
		List<Changed> changed = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (Path candidate : candidates()) {
			byte[] previous = this.appliedBytes.get(candidate);
			Optional<byte[]> bytes;
			try {
				bytes = ConfigFileBytes.readIfExists(candidate);
			}
			catch (InvalidLoggingConfigFileException ex) {
				problems.add(Problem.unusable(ex));
				continue;
			}
			if (bytes.isEmpty()) {
				if (previous != null) {
					problems.add(Problem.unfinished(candidate, "is gone (deleted, or being replaced)"));
				}
				continue;
			}
			if (previous != null && Arrays.equals(previous, bytes.get())) {
				continue;
			}
			LoggingConfigFile file;
			try {
				file = LoggingConfigFile.parse(candidate, bytes.get());
			}
			catch (InvalidLoggingConfigFileException ex) {
				problems.add(Problem.unusable(ex));
				continue;
			}
			Optional<String> unfinished = unfinished(new String(bytes.get(), StandardCharsets.UTF_8));
			if (unfinished.isPresent()) {
				problems.add(Problem.unfinished(candidate, unfinished.get()));
				continue;
			}
			changed.add(new Changed(candidate, which(candidate), bytes.get(), file));
		}
		return new Reading(changed, problems);
	}

	/**
	 * Why valid TOML looks like a write caught half-way, if it does: nothing but blanks, or a last non-blank
	 * line that is a table header (as when a writer has put {@code [log_filters]} and not yet its lines). A
	 * file whose last line is a comment, or that holds only a comment, is meant as it is.
	 */
	static Optional<String> unfinished(String text) {
		if (text.isBlank()) {
			return Optional.of("is empty");
		}
		String[] lines = text.strip().split("\n");
		String last = lines[lines.length - 1].strip();
		if (last.startsWith("[")) {
			return Optional.of("ends with the table header " + last + " and nothing under it");
		}
		return Optional.empty();
	}

	/** Records that these files' levels are now the configured ones; other files keep theirs. */
	synchronized void markApplied(List<Changed> files) {
		files.forEach((file) -> this.appliedBytes.put(file.path(), file.bytes()));
		this.applied = describeApplied();
	}

	private Applied describeApplied() {
		List<Path> files = candidates().stream().filter(this.appliedBytes::containsKey).toList();
		return Applied.of(files, files.stream().map(this.appliedBytes::get).toList());
	}

	/**
	 * The files as read once.
	 * @param changed the files whose usable content differs from what applied, highest first
	 * @param problems why other files keep the levels that applied last
	 */
	record Reading(List<Changed> changed, List<Problem> problems) {
	}

	/**
	 * A file with new, usable content.
	 * @param path the file
	 * @param which which of the two files it is
	 * @param bytes its bytes
	 * @param content what they say
	 */
	record Changed(Path path, ConfigSources.TomlFile which, byte[] bytes, LoggingConfigFile content) {
	}

	/**
	 * Why a file keeps the levels that applied last.
	 * @param error whether it is an ERROR (the file is wrong) rather than a WARN (it may be mid-write)
	 * @param message the line to log, naming the file and what to do
	 */
	record Problem(boolean error, String message) {

		static Problem unusable(InvalidLoggingConfigFileException ex) {
			return new Problem(true, "Keeping the previous log levels: " + ex.getMessage() + ". Fix: " + ex.fix());
		}

		static Problem unfinished(Path file, String what) {
			return new Problem(false, "Keeping the previous log levels: logging config file " + file + " " + what
					+ "; it applies once it holds a complete configuration (to clear its levels on purpose, "
					+ "leave a comment in it)");
		}

	}

	/**
	 * Names and hash of applied files; both {@code null} when none applied.
	 * @param source the files, comma-separated, highest first
	 * @param hash SHA-256 of the files' bytes, one after the other, lower-case hex
	 */
	record Applied(@Nullable String source, @Nullable String hash) {

		static final Applied NONE = new Applied(null, null);

		static Applied of(List<Path> files, List<byte[]> contents) {
			if (files.isEmpty()) {
				return NONE;
			}
			MessageDigest digest = sha256();
			contents.forEach(digest::update);
			return new Applied(files.stream().map(Path::toString).collect(Collectors.joining(", ")),
					HexFormat.of().formatHex(digest.digest()));
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				// Every Java platform must provide SHA-256.
				throw new IllegalStateException(ex);
			}
		}

	}

}
