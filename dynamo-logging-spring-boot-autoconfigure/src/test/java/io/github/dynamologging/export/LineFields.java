package io.github.dynamologging.export;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;

/** The key-value fields of a captured log event, by key, as the JSONL line would carry them. */
final class LineFields {

	private LineFields() {
	}

	static Map<String, Object> of(ILoggingEvent line) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (line.getKeyValuePairs() != null) {
			line.getKeyValuePairs().forEach((pair) -> values.put(pair.key, pair.value));
		}
		return values;
	}

}
