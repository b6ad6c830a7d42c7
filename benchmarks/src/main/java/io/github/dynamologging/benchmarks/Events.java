package io.github.dynamologging.benchmarks;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/**
 * The pre-built events every encoder is fed: fixed instant, thread name and MDC map, all lazily computed
 * parts (formatted message, thread name, MDC map, throwable proxy) computed once up front, so no encoder
 * pays a cost the others don't.
 */
public final class Events {

	static final String LOGGER_NAME = "com.example.web.OrderController";

	static final Instant INSTANT = Instant.parse("2025-09-02T15:53:31.943377123Z");

	static final String THREAD_NAME = "http-nio-8080-exec-1";

	static final String MESSAGE_PATTERN = "Order {} accepted for customer {} in {} ms";

	static final String MESSAGE = "Order 42 accepted for customer c-1001 in 12 ms";

	static final String REQUEST_ID = "6f1c2a9e-3b7d-4e51-9a0c-8d2f4b6e1a37";

	static final String EXCEPTION_MESSAGE = "order 42 could not be saved";

	static final String CAUSE_MESSAGE = "connection reset by peer";

	/** Frames of the outer exception; the cause shares the last {@link #COMMON_FRAMES} of them. */
	static final int FRAMES = 30;

	static final int COMMON_FRAMES = 20;

	private Events() {
	}

	/** {@code plain}, {@code mdc} or {@code exception}. */
	public static LoggingEvent of(String shape, LoggerContext context) {
		Logger logger = context.getLogger(LOGGER_NAME);
		Throwable throwable = "exception".equals(shape) ? exception() : null;
		Level level = (throwable != null) ? Level.ERROR : Level.INFO;
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, MESSAGE_PATTERN, throwable,
				new Object[] { 42, "c-1001", 12 });
		event.setInstant(INSTANT);
		event.setThreadName(THREAD_NAME);
		event.setMDCPropertyMap(switch (shape) {
			case "plain", "exception" -> Map.of();
			case "mdc" -> mdc();
			default -> throw new IllegalArgumentException("Unknown shape " + shape);
		});
		event.prepareForDeferredProcessing();
		// Logback computes the throwable proxy in the constructor; touch the rest an encoder may read.
		event.getLoggerContextVO();
		event.getKeyValuePairs();
		event.getMarkerList();
		return event;
	}

	/** Five application entries plus what tracing and the request filter put in the MDC. */
	static Map<String, String> mdc() {
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("user_id", "u-52731");
		mdc.put("tenant", "acme-corp");
		mdc.put("region", "eu-west-1");
		mdc.put("http.method", "POST");
		mdc.put("http.route", "/api/orders/{id}");
		mdc.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		mdc.put("spanId", "00f067aa0ba902b7");
		mdc.put("x_request_id", REQUEST_ID);
		return mdc;
	}

	/** A 30-frame exception whose cause has 30 frames too, 20 of them in common with it. */
	static Throwable exception() {
		StackTraceElement[] frames = new StackTraceElement[FRAMES];
		String[] layers = { "com.example.web", "com.example.service", "com.example.repository",
				"org.springframework.web.servlet", "org.apache.catalina.core" };
		for (int i = 0; i < FRAMES; i++) {
			String simpleName = "Layer" + i + "Handler";
			frames[i] = new StackTraceElement(layers[i % layers.length] + "." + simpleName, "handle" + i,
					simpleName + ".java", 40 + 7 * i);
		}
		int own = FRAMES - COMMON_FRAMES;
		StackTraceElement[] causeFrames = new StackTraceElement[FRAMES];
		for (int i = 0; i < own; i++) {
			causeFrames[i] = new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection" + i, "execute" + i,
					"ProxyConnection" + i + ".java", 300 + i);
		}
		System.arraycopy(frames, FRAMES - COMMON_FRAMES, causeFrames, own, COMMON_FRAMES);
		IllegalStateException cause = new IllegalStateException(CAUSE_MESSAGE);
		cause.setStackTrace(causeFrames);
		RuntimeException exception = new RuntimeException(EXCEPTION_MESSAGE, cause);
		exception.setStackTrace(Arrays.copyOf(frames, FRAMES));
		return exception;
	}

}
