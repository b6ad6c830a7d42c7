package io.github.dynamologging.request;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.dynamologging.callsite.internal.ActiveCallSites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The access line (docs/requests-and-traces.md): one {@code http response sent} line per server request
 * once its response is complete, INFO below status 400 and ERROR from it, with {@code status} (a string,
 * as Dynamo writes it) and {@code latency_ms} (a number) beside the request's own fields and its server
 * span's trace keys. It has a logger of its own, so the filter can silence it.
 */
final class AccessLog {

	/** The logger: {@code DYN_LOG=info,dynamo.logging.access=off} silences the access lines. */
	public static final String LOGGER = "dynamo.logging.access";

	public static final String MESSAGE = "http response sent";

	/**
	 * The status of a request whose client went away before the response was complete (nginx's "client
	 * closed request"): what the server had meant to send never arrived.
	 */
	public static final int CLIENT_CLOSED_REQUEST = 499;

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	/**
	 * The line's caller, recorded once: the console takes it from here instead of walking the request's deep
	 * stack for every line, which was most of what the line cost (docs/performance.md).
	 */
	static final StackTraceElement[] SITE = { StackWalker.getInstance()
		.walk((frames) -> frames.findFirst().orElseThrow())
		.toStackTraceElement() };

	private final ServerSpanFields serverSpanFields;

	AccessLog(ServerSpanFields serverSpanFields) {
		this.serverSpanFields = serverSpanFields;
	}

	ServerSpanFields serverSpanFields() {
		return this.serverSpanFields;
	}

	/**
	 * Writes the line of a request whose response is complete.
	 * @param startNanos {@link System#nanoTime()} when the request arrived
	 * @param serverObservation the request's server observation, {@code null} when there is none
	 */
	void write(RequestFields fields, int status, long startNanos, io.micrometer.observation.Observation.Context serverObservation) {
		Level level = (status < 400) ? Level.INFO : Level.ERROR;
		if (!log.isEnabledForLevel(level)) {
			return;
		}
		long latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
		LoggingEventBuilder line = log.atLevel(level);
		// The request's fields and span keys are given with the line: it may be written outside the request's
		// MDC (after the Servlet filter restored it, or at the end of a reactive chain).
		line.addKeyValue(RequestId.MDC_KEY, fields.xRequestId());
		addIfPresent(line, RequestFields.REQUEST_ID, fields.requestId());
		addIfPresent(line, RequestFields.METHOD, fields.method());
		addIfPresent(line, RequestFields.URI, fields.uri());
		addIfPresent(line, RequestFields.VERSION, fields.version());
		for (Map.Entry<String, String> spanField : this.serverSpanFields.of(serverObservation).entrySet()) {
			line.addKeyValue(spanField.getKey(), spanField.getValue());
		}
		line.addKeyValue("status", Integer.toString(status)).addKeyValue("latency_ms", latencyMillis);
		ActiveCallSites.logAt(SITE, LOGGER, MESSAGE, () -> line.log(MESSAGE));
	}

	/** Whether {@code failure} (or a cause) says the client went away. */
	static boolean isClientAbort(Throwable failure) {
		return failure != null && DisconnectedClientHelper.isClientDisconnectedException(failure);
	}

	private static void addIfPresent(LoggingEventBuilder line, String key, String value) {
		if (value != null) {
			line.addKeyValue(key, value);
		}
	}

}
