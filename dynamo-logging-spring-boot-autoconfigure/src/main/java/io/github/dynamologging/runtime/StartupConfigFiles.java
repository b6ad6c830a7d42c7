package io.github.dynamologging.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import io.github.dynamologging.config.DynamoLoggingEnvironmentPostProcessor;
import io.github.dynamologging.config.LoggingConfigFileProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The TOML files whose levels applied at start, named the way the environment post-processor named
 * them: the {@code config-path} file first, then the default one.
 * @param files the files, highest precedence first; empty when none applied
 */
record StartupConfigFiles(List<Path> files) {

	StartupConfigFiles {
		files = List.copyOf(files);
	}

	/** The files whose property sources the post-processor added to this environment. */
	static StartupConfigFiles of(ConfigurableEnvironment environment) {
		LoggingConfigFileProperties properties = Binder.get(environment)
			.bindOrCreate("dynamo.logging", LoggingConfigFileProperties.class);
		List<Path> files = new ArrayList<>();
		if (environment.getPropertySources().contains(DynamoLoggingEnvironmentPostProcessor.CONFIG_FILE_SOURCE_NAME)) {
			addPath(files, properties.getConfigPath());
		}
		if (environment.getPropertySources()
			.contains(DynamoLoggingEnvironmentPostProcessor.DEFAULT_CONFIG_FILE_SOURCE_NAME)) {
			addPath(files, properties.getDefaultConfigPath());
		}
		return new StartupConfigFiles(files);
	}

	private static void addPath(List<Path> files, @Nullable String path) {
		if (path != null && !path.isBlank()) {
			try {
				files.add(Path.of(path.trim()).toAbsolutePath().normalize());
			}
			catch (InvalidPathException ex) {
				// The post-processor warned about it at start and added no source for it.
			}
		}
	}

	/** The files, comma-separated, or {@code null} when none applied. */
	@Nullable String source() {
		return this.files.isEmpty() ? null
				: this.files.stream().map(Path::toString).collect(Collectors.joining(", "));
	}

	/**
	 * The SHA-256 of the files' bytes, one after the other, in lower-case hex; {@code null} when none
	 * applied.
	 */
	@Nullable String hash() {
		if (this.files.isEmpty()) {
			return null;
		}
		MessageDigest digest = sha256();
		for (Path file : this.files) {
			try {
				digest.update(Files.readAllBytes(file));
			}
			catch (IOException ex) {
				// Counts as empty: the hash still differs from the one of the file as it was.
			}
		}
		return HexFormat.of().formatHex(digest.digest());
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
