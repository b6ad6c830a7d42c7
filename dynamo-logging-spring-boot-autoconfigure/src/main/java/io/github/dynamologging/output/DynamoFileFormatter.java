package io.github.dynamologging.output;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.dynamologging.format.LineEncoder;
import io.github.dynamologging.format.internal.CallerLocator;

import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Dynamo's lines in Spring Boot's log file, through Boot's own structured-logging extension point
 * ({@code logging.structured.format.file} names the subclass), so Boot keeps its file appender, rolling
 * policy, charset and threshold. {@link FileOutputEnvironmentPostProcessor} names it when the file should
 * hold Dynamo's format.
 */
abstract class DynamoFileFormatter implements StructuredLogFormatter<ILoggingEvent> {

	private final LineEncoder encoder;

	private final boolean callerData;

	DynamoFileFormatter(LineEncoder encoder, OutputProperties properties, boolean callerData) {
		this.encoder = encoder;
		this.callerData = callerData;
		encoder.setExtraFields(properties.extraFields());
		encoder.start();
		ExtraFieldsInstaller.fileEncoder(encoder);
	}

	/** The settings as far as they are valid: a bad value fails the start elsewhere, with its own message. */
	static OutputProperties properties(Environment environment) {
		return OutputProperties.validPart(environment);
	}

	@Override
	public String format(ILoggingEvent event) {
		return new String(formatAsBytes(event, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
	}

	@Override
	public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
		if (this.callerData) {
			// Found here, on the logging thread; the console then reuses it instead of walking again.
			CallerLocator.storeCallerData(event);
		}
		byte[] line = this.encoder.encode(event);
		return StandardCharsets.UTF_8.equals(charset) ? line
				: new String(line, StandardCharsets.UTF_8).getBytes(charset);
	}

}
