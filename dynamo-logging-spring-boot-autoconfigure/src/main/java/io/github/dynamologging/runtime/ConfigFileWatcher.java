package io.github.dynamologging.runtime;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.github.dynamologging.config.DynamoLoggingEnvironmentPostProcessor;
import io.github.dynamologging.config.InvalidLoggingConfigFileException;
import io.github.dynamologging.config.LoggingConfigFile;
import io.github.dynamologging.config.LoggingLevelProperties;
import io.github.dynamologging.filter.LogFilter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Re-reads Dynamo's logging TOML files when they change ({@code dynamo.logging.config-watch=true}), as a
 * Kubernetes ConfigMap mount changes on every pod at once.
 * <p>
 * It watches the files' directories, not the files: a ConfigMap update swaps a {@code ..data} symlink in
 * the directory (an atomic rename), and the file's own path sees no event. Any event in a directory leads
 * to reading both files; nothing happens unless their bytes differ from the ones applied.
 * <p>
 * A good edit replaces the files' property sources in the environment (so {@code /actuator/env} shows it)
 * and applies every configured level that changed through the {@link LevelController}, with Spring Boot's
 * precedence: a level that a higher source (command line, {@code DYN_LOG}) sets stays. A bad edit keeps the
 * previous levels and draws one ERROR naming the file, the line and the problem.
 */
final class ConfigFileWatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ConfigFileWatcher.class);

	/** Editors and ConfigMap updates write in several steps; one read after they settle. */
	private static final Duration SETTLE = Duration.ofMillis(100);

	private static final Bindable<Map<String, LogLevel>> LEVELS = Bindable.mapOf(String.class, LogLevel.class);

	private final ConfigFiles files;

	private final ConfigurableEnvironment environment;

	private final LevelController controller;

	private final WatchService watchService;

	private final Thread thread;

	private @Nullable String lastRejection;

	ConfigFileWatcher(ConfigFiles files, ConfigurableEnvironment environment, LevelController controller)
			throws IOException {
		this.files = files;
		this.environment = environment;
		this.controller = controller;
		this.watchService = FileSystems.getDefault().newWatchService();
		Set<Path> directories = new LinkedHashSet<>();
		for (Path file : files.candidates()) {
			Path directory = file.getParent();
			if (directory != null && Files.isDirectory(directory) && directories.add(directory)) {
				directory.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
			}
		}
		if (directories.isEmpty()) {
			log.warn("dynamo.logging.config-watch is on, but no logging config file directory exists to watch "
					+ "(files {}); changes will not be picked up", files.candidates());
		}
		this.thread = new Thread(this::watch, "dynamo-config-watch");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	private void watch() {
		try {
			while (true) {
				WatchKey key = this.watchService.take();
				// Let the writer finish, then take every event that came meanwhile as the same change.
				Thread.sleep(SETTLE.toMillis());
				do {
					key.pollEvents();
					key.reset();
					key = this.watchService.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
				}
				while (key != null);
				check();
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			// Closed: the application is stopping.
		}
	}

	/** Reads the files and applies them if they changed; a bad edit leaves everything as it was. */
	synchronized void check() {
		Optional<ConfigFiles.Reading> reading;
		try {
			reading = this.files.read();
		}
		catch (InvalidLoggingConfigFileException ex) {
			if (!ex.getMessage().equals(this.lastRejection)) {
				this.lastRejection = ex.getMessage();
				log.error("Keeping the previous log levels: {}. Fix: {}", ex.getMessage(), ex.fix());
			}
			return;
		}
		this.lastRejection = null;
		if (reading.isEmpty() || reading.get().sameAs(this.files)) {
			return;
		}
		apply(reading.get());
	}

	private void apply(ConfigFiles.Reading reading) {
		reading.named().ifPresent((file) -> file.warnings().forEach(log::warn));
		reading.fallback().ifPresent((file) -> file.warnings().forEach(log::warn));
		Map<String, Level> before = configuredLevels();
		MutablePropertySources sources = this.environment.getPropertySources();
		replace(sources, DynamoLoggingEnvironmentPostProcessor.CONFIG_FILE_SOURCE_NAME, reading.named(),
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		replace(sources, DynamoLoggingEnvironmentPostProcessor.DEFAULT_CONFIG_FILE_SOURCE_NAME, reading.fallback(),
				sources.contains(DynamoLoggingEnvironmentPostProcessor.CONFIG_FILE_SOURCE_NAME)
						? DynamoLoggingEnvironmentPostProcessor.CONFIG_FILE_SOURCE_NAME
						: StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		Map<String, Level> after = configuredLevels();
		Map<String, @Nullable Level> changed = new LinkedHashMap<>();
		Set<String> names = new LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			if (!Objects.equals(before.get(name), after.get(name))) {
				changed.put(name, after.get(name));
			}
		}
		this.files.markApplied(reading);
		String source = Objects.requireNonNullElse(reading.applied().source(), "no config file");
		this.controller.reconfigure(changed, source);
		log.info("Logging config file reloaded: {} (sha256 {}), {} level(s) changed", source,
				reading.applied().hash(), changed.size());
	}

	/** Puts the file's levels in place of the source of the same name; no file, no source. */
	private static void replace(MutablePropertySources sources, String name, Optional<LoggingConfigFile> file,
			String after) {
		if (file.isEmpty()) {
			sources.remove(name);
			return;
		}
		LogFilter filter = file.get().filter();
		MapPropertySource source = new MapPropertySource(name, new HashMap<>(LoggingLevelProperties.of(filter)));
		if (sources.contains(name)) {
			sources.replace(name, source);
		}
		else if (sources.contains(after)) {
			sources.addAfter(after, source);
		}
		else if (sources.contains(DynamoLoggingEnvironmentPostProcessor.ENVIRONMENT_VARIABLES_SOURCE_NAME)) {
			sources.addAfter(DynamoLoggingEnvironmentPostProcessor.ENVIRONMENT_VARIABLES_SOURCE_NAME, source);
		}
		else {
			// No environment variables at all: below everything but the defaults, as close as it gets.
			sources.addLast(source);
		}
	}

	/**
	 * Every configured level as Spring Boot binds {@code logging.level.*}, with Logback's names; the root
	 * is always there (Boot's default {@code info} when nothing sets it).
	 */
	private Map<String, Level> configuredLevels() {
		Map<String, Level> levels = new HashMap<>();
		levels.put(LogbackLevels.ROOT, Level.INFO);
		Binder.get(this.environment).bind("logging.level", LEVELS).orElse(Map.of()).forEach((name, level) -> {
			levels.put(name.equalsIgnoreCase("root") ? LogbackLevels.ROOT : name, LogbackLevels.fromBootLevel(level));
		});
		return levels;
	}

	@Override
	public void close() throws IOException {
		this.watchService.close();
		this.thread.interrupt();
	}

}
