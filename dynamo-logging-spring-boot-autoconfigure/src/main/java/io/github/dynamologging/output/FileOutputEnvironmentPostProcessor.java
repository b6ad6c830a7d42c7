package io.github.dynamologging.output;

import java.util.Locale;
import java.util.Map;

import io.github.dynamologging.config.DynamoLoggingEnvironmentPostProcessor;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses what Spring Boot's log file holds (docs/output.md, "Log file"), before Boot sets up logging: for
 * Dynamo's lines it names {@link DynamoJsonlFileFormatter} or {@link DynamoReadableFileFormatter} as
 * {@code logging.structured.format.file}, so Boot builds the file appender itself, with its rolling
 * policy. When the user's own Boot file setting and the starter's disagree, one line at start says which
 * applies and why.
 * <p>
 * A bad {@code dynamo.logging.file-format} is left alone here: {@link ConsoleOutputInstaller} fails the
 * start with it once the console writes the chosen format.
 */
class FileOutputEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** After the {@code DYN_*} variables are mapped onto {@code dynamo.logging.format}. */
	public static final int ORDER = DynamoLoggingEnvironmentPostProcessor.ORDER + 1;

	static final String SOURCE_NAME = "dynamoLogFileFormat";

	static final String FILE_FORMAT = "dynamo.logging.file-format";

	static final String BOOT_FILE_FORMAT = "logging.structured.format.file";

	static final String BOOT_FILE_PATTERN = "logging.pattern.file";

	private final Log log;

	public FileOutputEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(FileOutputEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().remove(SOURCE_NAME);
		if (!"true".equalsIgnoreCase(environment.getProperty(DynamoLoggingEnvironmentPostProcessor.ENABLED_PROPERTY,
				"true").trim()) || !hasLogFile(environment)) {
			return;
		}
		String chosen = environment.getProperty(FILE_FORMAT);
		String bootSetting = bootFileSetting(environment);
		FileFormat format;
		if (chosen == null) {
			if (bootSetting != null) {
				this.log.info("The log file keeps Spring Boot's format: " + bootSetting + " is set; "
						+ FILE_FORMAT + "=jsonl or readable would write Dynamo's lines there");
				return;
			}
			format = consoleFormat(environment);
		}
		else {
			format = parse(chosen);
			if (format == null || format == FileFormat.BOOT) {
				return;
			}
			if (bootSetting != null) {
				this.log.warn(FILE_FORMAT + "=" + chosen.trim() + " applies to the log file; " + bootSetting
						+ " is not used (set " + FILE_FORMAT + "=boot to keep it)");
			}
		}
		String formatter = (format == FileFormat.JSONL) ? DynamoJsonlFileFormatter.class.getName()
				: DynamoReadableFileFormatter.class.getName();
		// First: an explicit dynamo.logging.file-format wins over the user's own Boot setting, as said above.
		environment.getPropertySources()
			.addFirst(new MapPropertySource(SOURCE_NAME, Map.of(BOOT_FILE_FORMAT, formatter)));
	}

	private static boolean hasLogFile(ConfigurableEnvironment environment) {
		return hasText(environment.getProperty("logging.file.name"))
				|| hasText(environment.getProperty("logging.file.path"));
	}

	/** The user's own Boot setting for the file, as {@code name=value}, or {@code null}. */
	private static String bootFileSetting(ConfigurableEnvironment environment) {
		for (String name : new String[] { BOOT_FILE_FORMAT, BOOT_FILE_PATTERN }) {
			String value = environment.getProperty(name);
			if (hasText(value)) {
				return name + "=" + value.trim();
			}
		}
		return null;
	}

	/** The console's format; a bad value is reported by the console installer, the file then follows the default. */
	private static FileFormat consoleFormat(ConfigurableEnvironment environment) {
		String format = environment.getProperty(DynamoLoggingEnvironmentPostProcessor.FORMAT_PROPERTY);
		return (format != null && format.trim().equalsIgnoreCase(OutputFormat.JSONL.name())) ? FileFormat.JSONL
				: FileFormat.READABLE;
	}

	private static FileFormat parse(String value) {
		try {
			return FileFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
