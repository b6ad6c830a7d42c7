package io.github.dynamologging.format;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stack frames as they appear, escaped, in {@code exception.stacktrace}: {@code at } and the frame's text
 * as UTF-8 JSON string content. Shared by one encoder's threads; the values are never changed once put.
 * <p>
 * Rendering a frame ({@code StackTraceElement.toString()}) and escaping it costs far more than copying it,
 * and services throw from the same few hundred frames again and again. The key is the frame itself (class,
 * method, file, line, module, class loader), so a hit is the same text by construction. Bounded: when full
 * it is emptied and fills again with the frames in use now.
 */
final class EscapedFrames {

	static final int MAX_FRAMES = 4096;

	private final Map<StackTraceElement, byte[]> texts = new ConcurrentHashMap<>();

	byte[] get(StackTraceElement frame) {
		return this.texts.get(frame);
	}

	void put(StackTraceElement frame, byte[] escaped) {
		if (this.texts.size() >= MAX_FRAMES) {
			this.texts.clear();
		}
		this.texts.put(frame, escaped);
	}

	int size() {
		return this.texts.size();
	}

}
