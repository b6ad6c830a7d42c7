package io.github.dynamologging.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;


/**
 * Reads the bytes of a logging TOML file, refusing what is not a small regular file: opening a FIFO would
 * block until a writer comes, and a device such as {@code /dev/zero} never ends. The limit is documented in
 * docs/configuration.md.
 *
 * Not API: may change in any release.
 */
public final class ConfigFileBytes {

	/** The largest file read: 4 MiB, about 100,000 {@code "target" = "level"} lines. */
	public static final int MAX_BYTES = 4 * 1024 * 1024;

	private static final String REGULAR_FILE_FIX = "make it a regular file the service's user can read";

	private ConfigFileBytes() {
	}

	/**
	 * @param file the file; a symbolic link is followed
	 * @return its bytes, or empty when there is no such file
	 * @throws InvalidLoggingConfigFileException if it is not a regular file, cannot be read or is too large
	 */
	public static Optional<byte[]> readIfExists(Path file) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw cannotRead(file, ex.toString(), ex);
		}
		if (attributes.isDirectory()) {
			throw cannotRead(file, "it is a directory", null);
		}
		if (!attributes.isRegularFile()) {
			throw cannotRead(file, "it is not a regular file but " + kindOf(file), null);
		}
		if (attributes.size() > MAX_BYTES) {
			throw tooLarge(file, attributes.size());
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			// The size can grow between the check and the read; never take more than the limit.
			bytes = in.readNBytes(MAX_BYTES + 1);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw cannotRead(file, ex.toString(), ex);
		}
		if (bytes.length > MAX_BYTES) {
			throw tooLarge(file, bytes.length);
		}
		return Optional.of(bytes);
	}

	/** What a file that is neither regular nor a directory is, as far as the platform tells. */
	private static String kindOf(Path file) {
		try {
			int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
			return switch (type) {
				case 0010000 -> "a named pipe (FIFO)";
				case 0020000 -> "a character device";
				case 0060000 -> "a block device";
				case 0140000 -> "a socket";
				default -> "a special file";
			};
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException ex) {
			// Not a Unix file system: no finer name.
			return "a pipe, socket or device";
		}
	}

	private static InvalidLoggingConfigFileException cannotRead(Path file, String why, Throwable cause) {
		return new InvalidLoggingConfigFileException(file, 0, 0, "it cannot be read (" + why + ")", REGULAR_FILE_FIX,
				cause);
	}

	private static InvalidLoggingConfigFileException tooLarge(Path file, long size) {
		return new InvalidLoggingConfigFileException(file, 0, 0,
				"it is " + size + " bytes, more than the " + MAX_BYTES + " bytes (4 MiB) a logging config file may have",
				"keep only log_level and [log_filters] in it", null);
	}

}
