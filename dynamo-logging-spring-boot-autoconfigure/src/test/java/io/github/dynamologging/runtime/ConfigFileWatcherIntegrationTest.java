package io.github.dynamologging.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.config.internal.ConfigurationLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.runtime.RunningApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code dynamo.logging.config-watch=true} on a real application whose TOML file changes under it. */
class ConfigFileWatcherIntegrationTest {

	private static final Class<?>[] APP = { DynlogEndpointIntegrationTest.App.class };

	private static final String DEBUG_FILE = "log_level = \"info\"\n[log_filters]\n\"com.example.watch\" = \"debug\"\n";

	private static final String TRACE_FILE = "log_level = \"info\"\n[log_filters]\n\"com.example.watch\" = \"trace\"\n";

	@TempDir
	Path directory;

	@Test
	void inPlaceWriteIsAppliedAndChangesTheHash() throws Exception {
		Path file = write(this.directory.resolve("logging.toml"), DEBUG_FILE);
		try (RunningApp app = start(file)) {
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("DEBUG");
			JsonNode before = json(app.get("/actuator/dynlog"));
			assertThat(before.get("configSource").stringValue()).isEqualTo(file.toString());
			assertThat(before.get("configHash").stringValue()).isEqualTo(sha256(DEBUG_FILE));

			writeAndAwaitReload(app, file, TRACE_FILE);
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
			assertThat(json(app.get("/actuator/dynlog")).get("startupFilter").stringValue())
				.contains("com.example.watch=trace");
			assertThat(app.auditLines()).singleElement().satisfies((line) -> assertThat(line)
				.containsEntry("action", "reload")
				.containsEntry("source", file.toString()));

			String removed = "log_level = \"warn\"\n";
			writeAndAwaitReload(app, file, removed);
			assertThat(RunningApp.configuredLevel("com.example.watch")).as("no longer configured").isNull();
			assertThat(RunningApp.configuredLevel("ROOT")).isEqualTo("WARN");
		}
	}

	@Test
	void kubernetesConfigMapSwapIsApplied() throws Exception {
		// A ConfigMap volume: logging.toml -> ..data/logging.toml, ..data -> ..<timestamp>, swapped by rename.
		write(this.directory.resolve("..2025_01").resolve("logging.toml"), DEBUG_FILE);
		Files.createSymbolicLink(this.directory.resolve("..data"), Path.of("..2025_01"));
		Path file = Files.createSymbolicLink(this.directory.resolve("logging.toml"), Path.of("..data/logging.toml"));
		try (RunningApp app = start(file)) {
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("DEBUG");
			write(this.directory.resolve("..2025_02").resolve("logging.toml"), TRACE_FILE);
			Path next = Files.createSymbolicLink(this.directory.resolve("..data_tmp"), Path.of("..2025_02"));
			Files.move(next, this.directory.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
			awaitHash(app, sha256(TRACE_FILE));
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
		}
	}

	@Test
	void badEditKeepsThePreviousLevelsAndLogsOneError() throws Exception {
		Path file = write(this.directory.resolve("logging.toml"), DEBUG_FILE);
		try (RunningApp app = start(file)) {
			ListAppender<ILoggingEvent> errors = capture(ConfigurationLog.LOGGER);
			String bad = "log_level = \"info\"\n[log_filters]\n\"com.example.watch\" = 5\n";
			write(file, bad);
			await().atMost(Duration.ofSeconds(10)).until(() -> !errors.list.isEmpty());
			// The same bad bytes again: no second ERROR.
			write(file, bad);
			Thread.sleep(1000);
			assertThat(errors.list).singleElement().satisfies((line) -> {
				assertThat(line.getLevel()).isEqualTo(Level.ERROR);
				assertThat(line.getFormattedMessage()).isEqualTo("Keeping the previous log levels: Invalid logging "
						+ "config file " + file + " at line 3: the level of 'com.example.watch' in [log_filters] must be "
						+ "a string, but is a number. Fix: write the level in quotes, e.g. \"com.example.watch\" = \"debug\"");
			});
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("DEBUG");
			assertThat(json(app.get("/actuator/dynlog")).get("configHash").stringValue()).isEqualTo(sha256(DEBUG_FILE));
			assertThat(app.auditLines()).isEmpty();

			writeAndAwaitReload(app, file, TRACE_FILE);
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
		}
	}

	@Test
	void endpointOverrideStaysUntilItExpiresThenTheNewFileLevelApplies() throws Exception {
		Path file = write(this.directory.resolve("logging.toml"), DEBUG_FILE);
		try (RunningApp app = start(file)) {
			app.post("/actuator/dynlog", "{\"filter\":\"com.example.watch=warn\",\"ttl\":\"PT3S\"}");
			writeAndAwaitReload(app, file, TRACE_FILE);
			JsonNode state = json(app.get("/actuator/dynlog"));
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("WARN");
			assertThat(state.get("overrides")).hasSize(1);
			assertThat(state.get("startupFilter").stringValue()).contains("com.example.watch=trace");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> json(app.get("/actuator/dynlog")).get("overrides").isEmpty());
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
		}
	}

	@Test
	void levelSetByAHigherSourceStays() throws Exception {
		Path file = write(this.directory.resolve("logging.toml"),
				DEBUG_FILE + "\"com.example.high\" = \"debug\"\n");
		try (RunningApp app = start(file, "logging.level.com.example.high=error")) {
			assertThat(RunningApp.configuredLevel("com.example.high")).isEqualTo("ERROR");
			String edited = TRACE_FILE + "\"com.example.high\" = \"trace\"\n";
			writeAndAwaitReload(app, file, edited);
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
			assertThat(RunningApp.configuredLevel("com.example.high")).isEqualTo("ERROR");
		}
	}

	@Test
	void inPlaceEditOfASymlinkTargetIsApplied() throws Exception {
		Path target = write(this.directory.resolve("elsewhere").resolve("real.toml"), DEBUG_FILE);
		Path link = Files.createSymbolicLink(
				Files.createDirectories(this.directory.resolve("config")).resolve("logging.toml"), target);
		try (RunningApp app = start(link)) {
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("DEBUG");
			writeAndAwaitReload(app, target, TRACE_FILE);
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
		}
	}

	@Test
	void goneEmptyOrCutOffFileKeepsTheLastGoodLevelsWithOneWarningEach() throws Exception {
		Path file = write(this.directory.resolve("logging.toml"), DEBUG_FILE);
		try (RunningApp app = start(file)) {
			ListAppender<ILoggingEvent> lines = capture(ConfigurationLog.LOGGER);
			String kept = "Keeping the previous log levels: logging config file " + file;
			Files.delete(file);
			awaitMessages(lines, Level.WARN, 1);
			write(file, "");
			awaitMessages(lines, Level.WARN, 2);
			// A writer that truncates and pauses, then writes half: the same problems once each.
			write(file, "log_level = \"info\"\n[log_filters]\n");
			awaitMessages(lines, Level.WARN, 3);
			write(file, "");
			Files.delete(file);
			write(file, "log_level = \"info\"\n[log_filters]\n");
			Thread.sleep(1000);
			assertThat(messages(lines, Level.WARN)).containsExactly(kept + " is gone (deleted, or being replaced)"
					+ "; it applies once it holds a complete configuration (to clear its levels on purpose, leave a comment in it)",
					kept + " is empty; it applies once it holds a complete configuration (to clear its levels on purpose, "
							+ "leave a comment in it)",
					kept + " ends with the table header [log_filters] and nothing under it; it applies once it holds a "
							+ "complete configuration (to clear its levels on purpose, leave a comment in it)");
			assertThat(messages(lines, Level.INFO)).isEmpty();
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("DEBUG");
			assertThat(json(app.get("/actuator/dynlog")).get("configHash").stringValue()).isEqualTo(sha256(DEBUG_FILE));
			assertThat(app.auditLines()).isEmpty();

			writeAndAwaitReload(app, file, TRACE_FILE);
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
			String commentOnly = "# no levels from this file for now\n";
			writeAndAwaitReload(app, file, commentOnly);
			assertThat(RunningApp.configuredLevel("com.example.watch")).as("an intended empty file applies").isNull();
		}
	}

	@Test
	void directoryRemovedAndMadeAgainIsWatchedAgain() throws Exception {
		Path file = write(this.directory.resolve("config").resolve("logging.toml"), DEBUG_FILE);
		try (RunningApp app = start(file)) {
			Files.delete(file);
			Files.delete(file.getParent());
			Thread.sleep(500);
			writeAndAwaitReload(app, file, TRACE_FILE);
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
			String edited = TRACE_FILE + "\"com.example.again\" = \"warn\"\n";
			writeAndAwaitReload(app, file, edited);
			assertThat(RunningApp.configuredLevel("com.example.again")).isEqualTo("WARN");
		}
	}

	@Test
	void fifoDeviceAndHugeFileAreRefusedAndTheWatcherGoesOn() throws Exception {
		Path file = write(this.directory.resolve("logging.toml"), DEBUG_FILE);
		try (RunningApp app = start(file)) {
			ListAppender<ILoggingEvent> lines = capture(ConfigurationLog.LOGGER);
			Files.delete(file);
			Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
			assertThat(mkfifo.waitFor()).isZero();
			awaitMessages(lines, Level.ERROR, 1);
			Files.delete(file);
			Files.createSymbolicLink(file, Path.of("/dev/zero"));
			awaitMessages(lines, Level.ERROR, 2);
			Files.delete(file);
			try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(file.toFile(), "rw")) {
				huge.setLength(io.github.dynamologging.config.internal.ConfigFileBytes.MAX_BYTES + 1L);
			}
			awaitMessages(lines, Level.ERROR, 3);
			String kept = "Keeping the previous log levels: Invalid logging config file " + file;
			String fix = ". Fix: make it a regular file the service's user can read";
			assertThat(messages(lines, Level.ERROR)).containsExactly(
					kept + ": it cannot be read (it is not a regular file but a named pipe (FIFO))" + fix,
					kept + ": it cannot be read (it is not a regular file but a character device)" + fix,
					kept + ": it is 4194305 bytes, more than the 4194304 bytes (4 MiB) a logging config file may have. "
							+ "Fix: keep only log_level and [log_filters] in it");
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("DEBUG");

			Files.delete(file);
			writeAndAwaitReload(app, file, TRACE_FILE);
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("TRACE");
		}
	}

	@Test
	void twoBadContentsWrittenAlternatelyGiveOneErrorEach() throws Exception {
		Path file = write(this.directory.resolve("logging.toml"), DEBUG_FILE);
		try (RunningApp app = start(file)) {
			ListAppender<ILoggingEvent> lines = capture(ConfigurationLog.LOGGER);
			String numberLevel = "log_level = \"info\"\n[log_filters]\n\"com.example.watch\" = 5\n";
			String unknownLevel = "log_level = \"loud\"\n";
			write(file, numberLevel);
			awaitMessages(lines, Level.ERROR, 1);
			write(file, unknownLevel);
			awaitMessages(lines, Level.ERROR, 2);
			for (int round = 0; round < 3; round++) {
				write(file, numberLevel);
				Thread.sleep(400);
				write(file, unknownLevel);
				Thread.sleep(400);
			}
			assertThat(messages(lines, Level.ERROR)).hasSize(2);
			assertThat(messages(lines, Level.ERROR).get(0)).contains("at line 3");
			assertThat(messages(lines, Level.ERROR).get(1)).contains("log_level is 'loud'");
			assertThat(RunningApp.configuredLevel("com.example.watch")).isEqualTo("DEBUG");
		}
	}

	private static List<String> messages(ListAppender<ILoggingEvent> lines, Level level) {
		return List.copyOf(lines.list).stream()
			.filter((line) -> line.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	private static void awaitMessages(ListAppender<ILoggingEvent> lines, Level level, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> messages(lines, level).size() >= count);
	}

	private static RunningApp start(Path file, String... more) {
		List<String> properties = new java.util.ArrayList<>(List.of("management.endpoints.web.exposure.include=dynlog",
				"dynamo.logging.config-watch=true", "dynamo.logging.config-path=" + file));
		properties.addAll(List.of(more));
		return RunningApp.start(APP, properties.toArray(String[]::new));
	}

	/** Writes the file and waits until the watcher has applied exactly that content. */
	private static void writeAndAwaitReload(RunningApp app, Path file, String text) throws Exception {
		write(file, text);
		awaitHash(app, sha256(text));
	}

	private static void awaitHash(RunningApp app, String hash) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> hash.equals(json(app.get("/actuator/dynlog")).get("configHash").stringValue()));
	}

	private static ListAppender<ILoggingEvent> capture(String loggerName) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.setContext(context);
		appender.start();
		context.getLogger(loggerName).addAppender(appender);
		return appender;
	}

	private static Path write(Path file, String text) throws Exception {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
