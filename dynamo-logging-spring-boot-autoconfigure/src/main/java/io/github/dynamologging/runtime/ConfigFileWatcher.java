package io.github.dynamologging.runtime;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import io.github.dynamologging.config.ConfigSources;
import io.github.dynamologging.config.internal.ConfigurationLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Re-reads Dynamo's logging TOML files when they change ({@code dynamo.logging.config-watch=true}), as a
 * Kubernetes ConfigMap mount changes on every pod at once.
 * <p>
 * It watches the files' directories, not the files: a ConfigMap update swaps a {@code ..data} symlink in
 * the directory (an atomic rename), and the file's own path sees no event. When a file is a symbolic link,
 * the directory of each link on the way and of the real file are watched too, so an in-place edit of the
 * target is seen. Every second it also registers what is not watched (a directory that did not exist, or
 * was removed and made again, or a link that now points elsewhere) and then reads the files once, since
 * the writes made while nothing watched have no event. Any event leads to reading both files; nothing
 * happens unless their bytes differ from the ones applied.
 * <p>
 * A good edit replaces the file's property source in the environment (so {@code /actuator/env} shows it)
 * and applies every configured level that changed through the {@link LevelController}, with Spring Boot's
 * precedence: a level that a higher source (command line, {@code DYN_LOG}) sets stays. A file that is bad,
 * gone, empty, cut off, not a regular file or too large keeps the levels it had, with one line per distinct
 * problem (docs/runtime-control.md); the thread survives every fault.
 */
final class ConfigFileWatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ConfigurationLog.LOGGER);

	/** Editors and ConfigMap updates write in several steps; one read after they settle. */
	private static final Duration SETTLE = Duration.ofMillis(100);

	/** How often directories that are not watched are looked for again. */
	private static final Duration REGISTER_AGAIN = Duration.ofSeconds(1);

	/** How many distinct problems are remembered as reported; a bound for a writer that never stops. */
	private static final int REMEMBERED_PROBLEMS = 64;

	/** How many symbolic links are followed from a file to find the directories to watch. */
	private static final int MAX_LINKS = 16;

	private static final Bindable<Map<String, LogLevel>> LEVELS = Bindable.mapOf(String.class, LogLevel.class);

	private final ConfigFiles files;

	private final ConfigurableEnvironment environment;

	private final LevelController controller;

	private final WatchService watchService;

	private final Map<Path, WatchKey> watched = new HashMap<>();

	private final Thread thread;

	/** The problems already logged since the files were last all good, oldest first. */
	private final Set<String> reported = new LinkedHashSet<>();

	ConfigFileWatcher(ConfigFiles files, ConfigurableEnvironment environment, LevelController controller)
			throws IOException {
		this.files = files;
		this.environment = environment;
		this.controller = controller;
		this.watchService = FileSystems.getDefault().newWatchService();
		register();
		if (this.watched.isEmpty()) {
			log.warn("dynamo.logging.config-watch is on, but no logging config file directory exists yet "
					+ "(files {}); it is watched once it does", files.candidates());
		}
		this.thread = new Thread(this::watch, "dynamo-config-watch");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	private void watch() {
		while (true) {
			try {
				WatchKey key = this.watchService.poll(REGISTER_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
				if (key != null) {
					// Let the writer finish, then take every event that came meanwhile as the same change.
					Thread.sleep(SETTLE.toMillis());
					do {
						key.pollEvents();
						key.reset();
						key = this.watchService.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
					}
					while (key != null);
					register();
					check();
				}
				else if (register()) {
					check();
				}
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				// Closed: the application is stopping.
				return;
			}
			catch (RuntimeException | IOException ex) {
				report(new ConfigFiles.Problem(true, "The logging config file watcher failed (" + ex
						+ "); it keeps watching " + this.files.candidates()));
			}
		}
	}

	/**
	 * Watches the directories the files are in, through every symbolic link, that are not watched yet.
	 * @return whether it watches a directory it did not watch before
	 */
	private boolean register() throws IOException {
		this.watched.values().removeIf((key) -> !key.isValid());
		boolean added = false;
		for (Path directory : directoriesToWatch()) {
			if (!this.watched.containsKey(directory) && Files.isDirectory(directory)) {
				try {
					this.watched.put(directory, directory.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
							StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY));
					added = true;
				}
				catch (NoSuchFileException ex) {
					// Removed since the check: looked for again later.
				}
			}
		}
		return added;
	}

	private Set<Path> directoriesToWatch() {
		Set<Path> directories = new LinkedHashSet<>();
		for (Path file : this.files.candidates()) {
			Path path = file;
			for (int links = 0; path != null && links <= MAX_LINKS; links++) {
				Path parent = path.getParent();
				if (parent != null) {
					directories.add(parent);
				}
				path = (parent != null) ? linkTarget(path, parent) : null;
			}
			try {
				Path real = file.toRealPath();
				if (real.getParent() != null) {
					directories.add(real.getParent());
				}
			}
			catch (IOException ex) {
				// Missing or a broken link: its directories above are watched for it to come.
			}
		}
		return directories;
	}

	private static @Nullable Path linkTarget(Path path, Path parent) {
		if (!Files.isSymbolicLink(path)) {
			return null;
		}
		try {
			return parent.resolve(Files.readSymbolicLink(path)).normalize();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Reads the files and applies those that changed; a file with a problem keeps its levels. */
	synchronized void check() {
		ConfigFiles.Reading reading = this.files.read();
		reading.problems().forEach(this::report);
		if (reading.problems().isEmpty()) {
			this.reported.clear();
		}
		if (!reading.changed().isEmpty()) {
			apply(reading.changed());
		}
	}

	/** Logs a problem the first time it is seen since the files were last all good. */
	private void report(ConfigFiles.Problem problem) {
		if (!this.reported.add(problem.message())) {
			return;
		}
		if (this.reported.size() > REMEMBERED_PROBLEMS) {
			this.reported.remove(this.reported.iterator().next());
		}
		if (problem.error()) {
			log.error(problem.message());
		}
		else {
			log.warn(problem.message());
		}
	}

	private void apply(List<ConfigFiles.Changed> changedFiles) {
		changedFiles.forEach((file) -> file.content().warnings().forEach(log::warn));
		Map<String, Level> before = configuredLevels();
		for (ConfigFiles.Changed file : changedFiles) {
			ConfigSources.putConfigFile(this.environment.getPropertySources(), file.which(), file.content().filter());
		}
		Map<String, Level> after = configuredLevels();
		Map<String, @Nullable Level> changed = new LinkedHashMap<>();
		Set<String> names = new LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			if (!Objects.equals(before.get(name), after.get(name))) {
				changed.put(name, after.get(name));
			}
		}
		this.files.markApplied(changedFiles);
		String source = Objects.requireNonNullElse(this.files.applied().source(), "no config file");
		this.controller.reconfigure(changed, source);
		log.info("Logging config file reloaded: {} (sha256 {}), {} level(s) changed", source,
				this.files.applied().hash(), changed.size());
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
