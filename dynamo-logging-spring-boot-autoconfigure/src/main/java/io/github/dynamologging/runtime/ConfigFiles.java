package io.github.dynamologging.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.dynamologging.config.DynamoLoggingEnvironmentPostProcessor;
import io.github.dynamologging.config.InvalidLoggingConfigFileException;
import io.github.dynamologging.config.LoggingConfigFile;
import io.github.dynamologging.config.LoggingConfigFileProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Dynamo's two logging TOML files as the environment post-processor names them ({@code config-path},
 * then {@code default-config-path}), and which of them applied: at start, or at the last reload.
 */
final class ConfigFiles {

	private final @Nullable Path named;

	private final @Nullable Path fallback;

	private volatile Applied applied;

	private ConfigFiles(@Nullable Path named, @Nullable Path fallback, Applied applied) {
		this.named = named;
		this.fallback = fallback;
		this.applied = applied;
	}

	/** The files of this environment; those whose property sources exist applied at start. */
	static ConfigFiles of(ConfigurableEnvironment environment) {
		LoggingConfigFileProperties properties = Binder.get(environment)
			.bindOrCreate("dynamo.logging", LoggingConfigFileProperties.class);
		Path named = toPath(properties.getConfigPath());
		Path fallback = toPath(properties.getDefaultConfigPath());
		if (fallback != null && fallback.equals(named)) {
			fallback = null;
		}
		List<Path> applied = new ArrayList<>();
		if (named != null
				&& environment.getPropertySources().contains(DynamoLoggingEnvironmentPostProcessor.CONFIG_FILE_SOURCE_NAME)) {
			applied.add(named);
		}
		if (fallback != null && environment.getPropertySources()
			.contains(DynamoLoggingEnvironmentPostProcessor.DEFAULT_CONFIG_FILE_SOURCE_NAME)) {
			applied.add(fallback);
		}
		return new ConfigFiles(named, fallback, Applied.of(applied, readBytes(applied)));
	}

	private static @Nullable Path toPath(@Nullable String path) {
		if (path == null || path.isBlank()) {
			return null;
		}
		try {
			return Path.of(path.trim()).toAbsolutePath().normalize();
		}
		catch (InvalidPathException ex) {
			// The post-processor warned about it at start and reads no file there.
			return null;
		}
	}

	/** Which files applied, at start or at the last reload, and their hash. */
	Applied applied() {
		return this.applied;
	}

	/** The files that may apply, highest first: what a watcher watches. */
	List<Path> candidates() {
		List<Path> candidates = new ArrayList<>();
		if (this.named != null) {
			candidates.add(this.named);
		}
		if (this.fallback != null) {
			candidates.add(this.fallback);
		}
		return candidates;
	}

	/**
	 * Reads both files as they are now.
	 * @return what they hold, or empty when a file changed while it was read (another change event follows)
	 * @throws InvalidLoggingConfigFileException if a file exists but cannot be used
	 */
	Optional<Reading> read() {
		List<Path> present = new ArrayList<>();
		List<byte[]> before = new ArrayList<>();
		Optional<LoggingConfigFile> namedFile = Optional.empty();
		Optional<LoggingConfigFile> fallbackFile = Optional.empty();
		for (Path candidate : candidates()) {
			byte[] bytes = readBytes(candidate);
			Optional<LoggingConfigFile> file = LoggingConfigFile.readIfExists(candidate);
			if (!Arrays.equals(bytes, readBytes(candidate))) {
				return Optional.empty();
			}
			if (file.isPresent()) {
				present.add(candidate);
				before.add(bytes);
			}
			if (candidate.equals(this.named)) {
				namedFile = file;
			}
			else {
				fallbackFile = file;
			}
		}
		return Optional.of(new Reading(namedFile, fallbackFile, Applied.of(present, before)));
	}

	/** Records that a reading's levels are now the configured ones. */
	void markApplied(Reading reading) {
		this.applied = reading.applied;
	}

	private static List<byte[]> readBytes(List<Path> files) {
		return files.stream().map(ConfigFiles::readBytes).toList();
	}

	/** The file's bytes; none when it is missing or unreadable (then it does not apply either). */
	private static byte[] readBytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

	/**
	 * Both files as read once.
	 * @param named the {@code config-path} file, when it exists
	 * @param fallback the {@code default-config-path} file, when it exists
	 * @param applied their names and hash
	 */
	record Reading(Optional<LoggingConfigFile> named, Optional<LoggingConfigFile> fallback, Applied applied) {

		/** Whether these are the files and bytes already applied. */
		boolean sameAs(ConfigFiles files) {
			return this.applied.equals(files.applied());
		}

	}

	/**
	 * Names and hash of applied files; both {@code null} when none applied.
	 * @param source the files, comma-separated, highest first
	 * @param hash SHA-256 of the files' bytes, one after the other, lower-case hex
	 */
	record Applied(@Nullable String source, @Nullable String hash) {

		static Applied of(List<Path> files, List<byte[]> contents) {
			if (files.isEmpty()) {
				return new Applied(null, null);
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
