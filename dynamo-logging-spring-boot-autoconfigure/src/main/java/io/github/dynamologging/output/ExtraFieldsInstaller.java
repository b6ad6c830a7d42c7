package io.github.dynamologging.output;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.github.dynamologging.format.ExtraFields;
import io.github.dynamologging.format.LineEncoder;

/**
 * Puts the extra fields (docs/output.md, "Extra fields") on every encoder of the starter's that writes lines:
 * the console's, the log file's and those in Logback appenders of the application's own. At start the
 * properties' fields ({@link ConsoleOutputInstaller}), once the context has them the properties' and the
 * {@link LogLineFields} beans' ({@link OutputAutoConfiguration}).
 */
final class ExtraFieldsInstaller {

	/** The log file's encoders, which Boot's file appender holds out of sight, inside its structured encoder. */
	private static final Set<LineEncoder> FILE_ENCODERS = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private ExtraFieldsInstaller() {
	}

	/** Remembers a log file's encoder, so the fields of the beans reach it too. */
	static void fileEncoder(LineEncoder encoder) {
		FILE_ENCODERS.add(encoder);
	}

	/** Gives {@code fields} to every encoder of the starter's on the root logger, and to the log file's. */
	static void install(LoggerContext context, ExtraFields fields) {
		Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
		while (appenders.hasNext()) {
			Appender<ILoggingEvent> appender = appenders.next();
			Appender<ILoggingEvent> writer = AsyncOutput.isAsyncConsole(appender)
					? ((AsyncConsoleAppender) appender).console() : appender;
			if (writer instanceof OutputStreamAppender<ILoggingEvent> stream
					&& stream.getEncoder() instanceof LineEncoder encoder) {
				encoder.setExtraFields(fields);
			}
		}
		synchronized (FILE_ENCODERS) {
			FILE_ENCODERS.forEach((encoder) -> encoder.setExtraFields(fields));
		}
	}

	/**
	 * The properties' fields and the beans'; a property wins over a bean for the same name.
	 * @param beans the {@link LogLineFields} beans by name
	 * @throws IllegalArgumentException naming the bean and the rule when a bean gives a bad name, or two give
	 * the same one
	 */
	static ExtraFields merged(ExtraFields fromProperties, Map<String, LogLineFields> beans) {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> givenBy = new LinkedHashMap<>();
		beans.forEach((beanName, bean) -> {
			Map<String, String> given = bean.fields();
			if (given == null) {
				return;
			}
			given.forEach((name, value) -> {
				String problem = ExtraFields.problemWith(name);
				if (problem != null) {
					throw new IllegalArgumentException("The LogLineFields bean '" + beanName + "' gives the field '"
							+ name + "', which cannot be used: " + problem);
				}
				String other = givenBy.putIfAbsent(name, beanName);
				if (other != null) {
					throw new IllegalArgumentException("The LogLineFields beans '" + other + "' and '" + beanName
							+ "' both give the field '" + name + "'; a line has each key once, so give it in one of them");
				}
				fields.put(name, value);
			});
		});
		fields.putAll(fromProperties.asMap());
		return ExtraFields.of(fields);
	}

	/**
	 * The bean that installs the properties' and the beans' fields when the context creates it, and says which.
	 * @param fields the fields every line carries from then on
	 */
	record Installed(ExtraFields fields) {
	}

}
