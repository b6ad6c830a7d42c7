package io.github.dynamologging.request;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import io.github.dynamologging.testing.LoggerEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/** A generator of the application's own makes the ids; one that breaks a header's rule costs only its id. */
class GeneratedIdsTest {

	private static final String UUID_V4 = RequestIdIntegrationTests.UUID_V4;

	@RegisterExtension
	final LoggerEvents events = new LoggerEvents(RequestIdGenerator.class);

	private final AtomicLong nanos = new AtomicLong(42);

	private GeneratedIds generated(RequestIdGenerator generator) {
		return new GeneratedIds(generator, new RateLimitedWarning(1, TimeUnit.MINUTES, this.nanos::get));
	}

	@Test
	void theDefaultMakesRandomUuidsForBothHeaders() {
		GeneratedIds ids = GeneratedIds.randomUuid();
		assertThat(ids.xRequestId()).matches(UUID_V4).isNotEqualTo(ids.xRequestId());
		assertThat(ids.requestId()).matches(UUID_V4);
		assertThat(this.events.list()).isEmpty();
	}

	@Test
	void aGeneratorOfTheApplicationsMakesBothIds() {
		UUID requestId = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
		GeneratedIds ids = generated(new RequestIdGenerator() {
			@Override
			public String generateXRequestId() {
				return "orders-42";
			}

			@Override
			public UUID generateRequestId() {
				return requestId;
			}
		});
		assertThat(ids.xRequestId()).isEqualTo("orders-42");
		assertThat(ids.requestId()).isEqualTo("01890a5d-ac96-774b-bcce-b302099a8057");
		assertThat(this.events.list()).isEmpty();
	}

	@Test
	void aLambdaGeneratorKeepsRandomRequestIds() {
		GeneratedIds ids = generated(() -> "orders-42");
		assertThat(ids.requestId()).matches(UUID_V4);
	}

	@Test
	void anIdTheHeaderCannotCarryOrAFailingGeneratorGivesAUuidAndAWarningNamingTheGeneratorAndTheRule() {
		for (RequestIdGenerator bad : List.<RequestIdGenerator>of(() -> null, () -> "", () -> "a".repeat(1025),
				() -> "tab\there", () -> "ünï", () -> {
					throw new IllegalStateException("out of ids");
				})) {
			assertThat(generated(bad).xRequestId()).matches(UUID_V4);
		}
		assertThat(this.events.messages(Level.WARN)).hasSize(6)
			.allSatisfy((message) -> assertThat(message).startsWith("The request id generator ")
				.contains("made no usable X-Request-Id", "the request got a random UUIDv4 instead", "Fix the generator"));
		assertThat(this.events.messages(Level.WARN)).anySatisfy((message) -> assertThat(message)
			.contains("it returned 1025 characters, not 1 to 1024 characters of visible ASCII and space"))
			.anySatisfy((message) -> assertThat(message).contains("it returned null"))
			.anySatisfy((message) -> assertThat(message).contains("it threw java.lang.IllegalStateException: out of ids"));
		assertThat(this.events.list().get(0).getKeyValuePairs()).contains(new KeyValuePair("header", "X-Request-Id"));
	}

	@Test
	void aNullOrFailingRequestIdGivesAUuid() {
		RequestIdGenerator nullRequestId = new RequestIdGenerator() {
			@Override
			public String generateXRequestId() {
				return "x";
			}

			@Override
			public UUID generateRequestId() {
				return null;
			}
		};
		assertThat(generated(nullRequestId).requestId()).matches(UUID_V4);
		assertThat(this.events.list()).singleElement()
			.satisfies((event) -> assertThat(event.getKeyValuePairs()).contains(new KeyValuePair("header", "request-id")));
	}

	@Test
	void aBrokenGeneratorWritesOneWarningAMinute() {
		GeneratedIds ids = generated(() -> "");
		for (int i = 0; i < 1000; i++) {
			assertThat(ids.xRequestId()).matches(UUID_V4);
		}
		assertThat(this.events.list()).hasSize(1);
		this.nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
		ids.xRequestId();
		assertThat(this.events.list().get(1).getKeyValuePairs()).contains(new KeyValuePair("suppressed", 999L));
	}

}
