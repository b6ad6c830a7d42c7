package io.github.dynamologging.config;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.dynamologging.config.internal.ConfigFileBytes;
import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import io.github.dynamologging.config.internal.LoggingConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Only small regular files are read, at start and by the watcher: nothing blocks, nothing is endless. */
class ConfigFileBytesTests {

	@TempDir
	Path dir;

	@Test
	void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
		Path fifo = this.dir.resolve("logging.toml");
		assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
		// Opening a FIFO for reading waits for a writer: a hang, not a slow answer, is what is guarded against.
		InvalidLoggingConfigFileException ex = assertTimeoutPreemptively(Duration.ofSeconds(20),
				() -> catchThrowableOfType(InvalidLoggingConfigFileException.class,
						() -> LoggingConfigFile.readIfExists(fifo)));
		assertThat(ex.problem()).isEqualTo("it cannot be read (it is not a regular file but a named pipe (FIFO))");
		assertThat(ex.fix()).isEqualTo("make it a regular file the service's user can read");
	}

	@Test
	void aLinkToAnEndlessDeviceIsRefused() throws IOException {
		Path link = Files.createSymbolicLink(this.dir.resolve("logging.toml"), Path.of("/dev/zero"));
		InvalidLoggingConfigFileException ex = catchThrowableOfType(InvalidLoggingConfigFileException.class,
				() -> LoggingConfigFile.readIfExists(link));
		assertThat(ex.getMessage()).isEqualTo("Invalid logging config file " + link
				+ ": it cannot be read (it is not a regular file but a character device)");
	}

	@Test
	void aFileOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws IOException {
		Path file = this.dir.resolve("logging.toml");
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.setLength(ConfigFileBytes.MAX_BYTES + 1L);
		}
		InvalidLoggingConfigFileException ex = catchThrowableOfType(InvalidLoggingConfigFileException.class,
				() -> ConfigFileBytes.readIfExists(file));
		assertThat(ex.problem())
			.isEqualTo("it is 4194305 bytes, more than the 4194304 bytes (4 MiB) a logging config file may have");
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.setLength(ConfigFileBytes.MAX_BYTES);
		}
		assertThat(ConfigFileBytes.readIfExists(file)).hasValueSatisfying(
				(bytes) -> assertThat(bytes).hasSize(ConfigFileBytes.MAX_BYTES));
	}

	@Test
	void aMissingFileIsEmpty() {
		assertThat(ConfigFileBytes.readIfExists(this.dir.resolve("none.toml"))).isEmpty();
	}

}
