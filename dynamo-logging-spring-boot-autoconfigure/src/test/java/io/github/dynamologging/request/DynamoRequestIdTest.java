package io.github.dynamologging.request;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.dynamologging.testing.LoggerEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoRequestIdTest {

	private static final String UUID_V4 = RequestIdIntegrationTests.UUID_V4;

	private static final String ID = "8372eac7-5f43-4d76-beca-0a94cfb311d0";

	@RegisterExtension
	final LoggerEvents events = new LoggerEvents(DynamoRequestId.class);

	private final AtomicLong nanos = new AtomicLong(42);

	private final DynamoRequestId requestId = new DynamoRequestId(
			new RateLimitedWarning(1, TimeUnit.MINUTES, this.nanos::get),
			new RateLimitedWarning(1, TimeUnit.MINUTES, this.nanos::get));

	@Test
	void keepsAUuidWrittenInLowerCase() {
		assertThat(this.requestId.effective(List.of(ID), null)).isEqualTo(ID);
		assertThat(this.requestId.effective(List.of(ID.toUpperCase()), null)).isEqualTo(ID);
		assertThat(this.events.list()).isEmpty();
	}

	@Test
	void generatesWhenNeitherHeaderIsThere() {
		assertThat(this.requestId.effective(List.of(), List.of())).matches(UUID_V4);
		assertThat(this.requestId.effective(null, null)).matches(UUID_V4);
		assertThat(this.events.list()).isEmpty();
	}

	@Test
	void readsTheDeprecatedHeaderOnlyWhenRequestIdIsAbsentAndSaysItIsDeprecated() {
		String old = "0d1e8ad2-6a4f-4c55-9a43-5ec2e5b8b0d1";
		assertThat(this.requestId.effective(List.of(ID), List.of(old))).isEqualTo(ID);
		assertThat(this.events.list()).isEmpty();
		assertThat(this.requestId.effective(List.of(), List.of(old))).isEqualTo(old);
		assertThat(this.events.messages(Level.WARN)).singleElement()
			.asString()
			.contains("x-dynamo-request-id is deprecated", "request-id instead");
	}

	@Test
	void replacesAnythingButOneUuidAndSaysWhichHeaderBrokeWhichRule() {
		for (List<String> bad : List.of(List.of("not-a-uuid"), List.of(ID + "0"), List.of("{" + ID + "}"),
				List.of(ID.replace("-", "")), List.of(""), List.of(ID, ID))) {
			assertThat(this.requestId.effective(bad, null)).as(bad.toString()).matches(UUID_V4).isNotEqualTo(ID);
			this.nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
		}
		assertThat(this.events.messages(Level.WARN)).hasSize(6)
			.allSatisfy((message) -> assertThat(message).contains("request-id must be one UUID", "sent once",
					"leave the header out"));
		assertThat(this.requestId.effective(List.of(), List.of("bad"))).matches(UUID_V4);
		assertThat(this.events.list().get(this.events.list().size() - 1).getKeyValuePairs())
			.contains(new KeyValuePair("header", "x-dynamo-request-id"));
	}

	@Test
	void aFloodWritesOneWarningAMinuteAndTheNextSaysHowManyWereLeftOut() {
		for (int i = 0; i < 1000; i++) {
			this.requestId.effective(List.of("bad"), null);
			this.requestId.effective(null, List.of(ID));
		}
		assertThat(this.events.messages(Level.WARN)).hasSize(2);
		this.nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
		this.requestId.effective(List.of("bad"), null);
		assertThat(this.events.list()).hasSize(2);
		this.nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
		this.requestId.effective(List.of("bad"), null);
		ILoggingEvent next = this.events.list().get(2);
		assertThat(next.getKeyValuePairs()).contains(new KeyValuePair("suppressed", 1000L));
	}

}
