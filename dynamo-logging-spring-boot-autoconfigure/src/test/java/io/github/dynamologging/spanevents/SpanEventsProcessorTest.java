package io.github.dynamologging.spanevents;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Span lines from a real OpenTelemetry SDK tracer driven through Micrometer's tracer, scope events
 * delivered as Boot delivers them, into a captured Logback context.
 */
class SpanEventsProcessorTest {

	private final SpanLineCapture capture = SpanLineCapture.privateContext();

	private final ScopeTimeTracker scopes = new ScopeTimeTracker();

	private final MicrometerOtelTracing tracing = new MicrometerOtelTracing(
			List.of(new SpanEventsProcessor(this.capture.logger(), this.scopes)), new ScopeEventListener(this.scopes));

	private final Tracer tracer = this.tracing.tracer();

	@AfterEach
	void close() {
		this.tracing.close();
		this.capture.close();
		MDC.clear();
	}

	@Test
	void rootAndChildSpansLogBothLinesWithTheirOwnIds() {
		Span root = this.tracer.spanBuilder().name("http-request").tag("method", "POST").start();
		Span child;
		try (Tracer.SpanInScope rootScope = this.tracer.withSpan(root)) {
			child = this.tracer.spanBuilder().name("handle_payload").tag("component", "backend").start();
			try (Tracer.SpanInScope childScope = this.tracer.withSpan(child)) {
				assertThat(MDC.get("spanId")).isEqualTo(child.context().spanId());
			}
			child.end();
		}
		root.end();

		List<JsonNode> lines = this.capture.lines();
		assertThat(lines).extracting((line) -> line.get("message").asString() + " " + line.get("span_name").asString())
			.containsExactly("SPAN_FIRST_ENTRY http-request", "SPAN_FIRST_ENTRY handle_payload",
					"SPAN_CLOSED handle_payload", "SPAN_CLOSED http-request");
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.get("target").asString()).isEqualTo("span_event");
			assertThat(line.get("level").asString()).isEqualTo("INFO");
			assertThat(line.get("trace_id").asString()).isEqualTo(root.context().traceId());
		});
		for (String message : List.of("SPAN_FIRST_ENTRY", "SPAN_CLOSED")) {
			JsonNode rootLine = this.capture.line(message, root.context().spanId());
			assertThat(rootLine.has("parent_id")).isFalse();
			assertThat(rootLine.get("method").asString()).isEqualTo("POST");
			JsonNode childLine = this.capture.line(message, child.context().spanId());
			assertThat(childLine.get("parent_id").asString()).isEqualTo(root.context().spanId());
			assertThat(childLine.get("component").asString()).isEqualTo("backend");
		}
		assertThat(this.capture.line("SPAN_FIRST_ENTRY", root.context().spanId()).has("time.duration_us")).isFalse();
		JsonNode closed = this.capture.line("SPAN_CLOSED", root.context().spanId());
		for (String time : List.of("time.busy_us", "time.idle_us", "time.duration_us")) {
			assertThat(closed.get(time).isIntegralNumber()).as(time).isTrue();
		}
		assertThat(this.scopes.trackedSpans()).isZero();
	}

	@Test
	void busyIsTheTimeInScopeAndIdleTheRest() throws InterruptedException {
		Span span = this.tracer.spanBuilder().name("handle_payload").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			Thread.sleep(5);
		}
		Thread.sleep(20);
		span.end();

		Map<String, Long> times = times(this.capture.line("SPAN_CLOSED", span.context().spanId()));
		assertThat(times.get("busy")).isPositive();
		assertThat(times.get("idle")).isPositive();
		assertThat(times.get("busy") + times.get("idle")).isEqualTo(times.get("duration"));
	}

	@Test
	void aSpanNeverInScopeIsBusyForItsWholeDuration() throws InterruptedException {
		Span span = this.tracer.spanBuilder().name("handle_payload").start();
		Thread.sleep(2);
		span.end();

		Map<String, Long> times = times(this.capture.line("SPAN_CLOSED", span.context().spanId()));
		assertThat(times.get("duration")).isPositive();
		assertThat(times.get("busy")).isEqualTo(times.get("duration"));
		assertThat(times.get("idle")).isZero();
	}

	@Test
	void theSpanEventLoggerAtOffSilencesBothLinesAndTracksNothing() {
		this.capture.logger().setLevel(Level.OFF);
		Span span = this.tracer.spanBuilder().name("handle_payload").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			assertThat(this.scopes.trackedSpans()).isZero();
		}
		span.end();
		assertThat(this.capture.lines()).isEmpty();
	}

	@Test
	void anotherSpansTraceKeysInTheMdcDoNotLeakOntoTheLineAndAreRestored() {
		Map<String, String> stale = Map.of("trace_id", "80196f3e3a6fdf06d23bb9ada3788518", "span_id",
				"f7e487a9d2a6bf38", "parent_id", "5c20cc08e6afb2b7", "span_name", "http-request", "traceId",
				"80196f3e3a6fdf06d23bb9ada3788518", "spanId", "f7e487a9d2a6bf38");
		stale.forEach(MDC::put);
		MDC.put("x_request_id", "8372eac7-5f43-4d76-beca-0a94cfb311d0");
		Span root = this.tracer.spanBuilder().name("background").setNoParent().start();
		root.end();

		for (String message : List.of("SPAN_FIRST_ENTRY", "SPAN_CLOSED")) {
			JsonNode line = this.capture.line(message, root.context().spanId());
			assertThat(line.has("parent_id")).isFalse();
			assertThat(line.get("trace_id").asString()).isEqualTo(root.context().traceId());
			assertThat(line.get("span_name").asString()).isEqualTo("background");
			assertThat(line.get("x_request_id").asString()).isEqualTo("8372eac7-5f43-4d76-beca-0a94cfb311d0");
		}
		stale.forEach((key, value) -> assertThat(MDC.get(key)).as(key).isEqualTo(value));
	}

	@Test
	void aSpanNamedAfterItStartedShowsItsNameOnlyWhenClosed() {
		// Micrometer's nextSpan() starts the span before name() (and Observation spans are named on stop):
		// at start the SDK has only its placeholder for the empty name.
		Span span = this.tracer.nextSpan().name("named-late").start();
		span.end();
		assertThat(this.capture.line("SPAN_FIRST_ENTRY", span.context().spanId()).get("span_name").asString())
			.isNotEqualTo("named-late");
		assertThat(this.capture.line("SPAN_CLOSED", span.context().spanId()).get("span_name").asString())
			.isEqualTo("named-late");
	}

	private static Map<String, Long> times(JsonNode closed) {
		return Map.of("busy", closed.get("time.busy_us").asLong(), "idle", closed.get("time.idle_us").asLong(),
				"duration", closed.get("time.duration_us").asLong());
	}

}
