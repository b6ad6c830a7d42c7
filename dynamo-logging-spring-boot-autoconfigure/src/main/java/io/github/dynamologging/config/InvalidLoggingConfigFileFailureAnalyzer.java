package io.github.dynamologging.config;

import io.github.dynamologging.config.internal.InvalidLoggingConfigFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a broken logging TOML file at startup: which file, where, what is wrong, what to do. */
class InvalidLoggingConfigFileFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLoggingConfigFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidLoggingConfigFileException cause) {
		String where = cause.file() + cause.positionText();
		String description = "The logging config file " + where + " cannot be used: " + cause.problem() + ".";
		String action = "Fix " + where + ": " + cause.fix() + ". Or start without this file: it is read from "
				+ EnvironmentVariableMapping.DYN_LOGGING_CONFIG_PATH + " (or "
				+ DynamoLoggingEnvironmentPostProcessor.CONFIG_PATH_PROPERTY + ") and from "
				+ DynamoLoggingEnvironmentPostProcessor.DEFAULT_CONFIG_PATH_PROPERTY + " (default "
				+ LoggingConfigFileProperties.DEFAULT_CONFIG_PATH + ").";
		return new FailureAnalysis(description, action, cause);
	}

}
