package io.github.dynamologging.output;

import java.util.Iterator;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.github.dynamologging.format.DynamoEncoder;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.format.DynamoReadableEncoder;
import org.slf4j.LoggerFactory;

/**
 * The format the console really writes, read from Logback as it is now, not from the settings: a Logback
 * configuration of the application's own, or Spring Boot's console kept at the user's request, may be in
 * charge instead of the starter's console.
 * <p>
 * Not API: may change in any release. Public only because {@code runtime} reports the console's format.
 */
public final class ConsoleFormats {

	/** What {@link #inCharge()} answers when no appender writes Dynamo's lines. */
	public static final String OTHER = "other";

	private ConsoleFormats() {
	}

	/**
	 * {@code jsonl} or {@code readable} when the starter's console, or an appender of the application's own
	 * with one of the starter's encoders, writes the lines; {@value #OTHER} otherwise.
	 */
	public static String inCharge() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return OTHER;
		}
		Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
		while (appenders.hasNext()) {
			Optional<String> format = formatOf(appenders.next());
			if (format.isPresent()) {
				return format.get();
			}
		}
		return OTHER;
	}

	/** The Dynamo format the console {@code appender} writes, if it writes one (seen through the async console). */
	static Optional<String> formatOf(Appender<ILoggingEvent> appender) {
		Appender<ILoggingEvent> writer = AsyncOutput.isAsyncConsole(appender) ? ((AsyncConsoleAppender) appender).console()
				: appender;
		if (writer instanceof ConsoleAppender<ILoggingEvent> stream) {
			return formatOf(stream.getEncoder());
		}
		return Optional.empty();
	}

	private static Optional<String> formatOf(Encoder<ILoggingEvent> encoder) {
		if (encoder instanceof DynamoJsonlEncoder) {
			return Optional.of("jsonl");
		}
		if (encoder instanceof DynamoReadableEncoder) {
			return Optional.of("readable");
		}
		if (encoder instanceof DynamoEncoder chosen) {
			return Optional.of(chosen.getFormat());
		}
		return Optional.empty();
	}

}
