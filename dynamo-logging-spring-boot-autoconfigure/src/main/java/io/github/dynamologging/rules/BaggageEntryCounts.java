package io.github.dynamologging.rules;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Counts the rule entries of incoming {@code baggage}: those ignored, by reason, and those honoured. With
 * Micrometer, the counter {@value #METER} with the tag {@code reason} ({@code unsigned},
 * {@code bad_signature}, {@code expired}, {@code malformed}, or {@code accepted}); see
 * {@link MeterCountingConfiguration}.
 */
final class BaggageEntryCounts {

	static final String METER = "dynamo.logging.request.rules.baggage";

	static final String ACCEPTED = "accepted";

	enum Reason {

		UNSIGNED, BAD_SIGNATURE, EXPIRED, MALFORMED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Consumer<String> counter;

	/** @param counter counts one entry under the given {@code reason} tag */
	BaggageEntryCounts(Consumer<String> counter) {
		this.counter = counter;
	}

	static BaggageEntryCounts uncounted() {
		return new BaggageEntryCounts((reason) -> {
		});
	}

	void count(Reason reason) {
		this.counter.accept(reason.tag());
	}

	void accepted() {
		this.counter.accept(ACCEPTED);
	}

}
