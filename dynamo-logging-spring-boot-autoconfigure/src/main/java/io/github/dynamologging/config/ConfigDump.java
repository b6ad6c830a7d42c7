package io.github.dynamologging.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.dynamologging.config.internal.ConfigurationLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The configuration dump (docs/configuration.md): at start, one DEBUG line {@code CONFIG_DUMP} on
 * {@value ConfigurationLog#LOGGER} whose field {@code config} holds {@link ConfigSources#describe} as JSON,
 * and, with {@code dynamo.logging.config-dump-path}, the same JSON in that file.
 */
final class ConfigDump {

	/** What a secret's value is written as. */
	static final String REDACTED = "<REDACTED>";

	/** Names that hold secrets, in any case; {@code .} and {@code -} count as {@code _}. */
	private static final Pattern SECRET_NAME = Pattern
		.compile("TOKEN|API_KEY|ACCESS_KEY|SECRET|PASSWORD|CREDENTIAL|AUTH|HEADERS");

	private static final Logger log = LoggerFactory.getLogger(ConfigurationLog.LOGGER);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ConfigDump() {
	}

	/** The value, or {@value #REDACTED} when the name says it is a secret. */
	static String redacted(String name, String value) {
		String normalized = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
		return (value != null && SECRET_NAME.matcher(normalized).find()) ? REDACTED : value;
	}

	/** Writes the dump line, and the file when one is named. */
	static void write(ConfigurableEnvironment environment, String dumpPath) {
		boolean toFile = dumpPath != null && !dumpPath.isBlank();
		if (!log.isDebugEnabled() && !toFile) {
			return;
		}
		String json = JSON.writeValueAsString(ConfigSources.describe(environment));
		log.atDebug().addKeyValue("config", json).log("CONFIG_DUMP");
		if (!toFile) {
			return;
		}
		Path file = Path.of(dumpPath.trim()).toAbsolutePath();
		try {
			Files.writeString(file, json, StandardCharsets.UTF_8);
			log.atInfo().addKeyValue("path", file.toString()).log("Configuration dump written to " + file);
		}
		catch (IOException | RuntimeException ex) {
			log.atInfo()
				.addKeyValue("path", file.toString())
				.addKeyValue("config", json)
				.log("Configuration dump could not be written to " + file + " (" + ex + "); it is in the field config");
		}
	}

}
