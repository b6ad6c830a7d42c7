package io.github.dynamologging.spanevents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Span lifecycle lines (docs/requests-and-traces.md). The environment variable {@code DYN_LOGGING_SPAN_EVENTS} maps onto
 * {@code dynamo.logging.span-events}.
 */
@ConfigurationProperties("dynamo.logging")
public class SpanEventsProperties {

	/**
	 * Whether each span logs a SPAN_FIRST_ENTRY line when it starts and a SPAN_CLOSED line with
	 * time.busy_us, time.idle_us and time.duration_us when it ends, at INFO through the logger
	 * 'span_event' (set that logger to OFF to silence them).
	 */
	private boolean spanEvents;

	public boolean isSpanEvents() {
		return this.spanEvents;
	}

	public void setSpanEvents(boolean spanEvents) {
		this.spanEvents = spanEvents;
	}

}
