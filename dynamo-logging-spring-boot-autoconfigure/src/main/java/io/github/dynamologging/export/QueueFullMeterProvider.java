package io.github.dynamologging.export;

import java.util.function.Consumer;

import io.github.dynamologging.export.ExportFailures.Reason;
import io.github.dynamologging.export.ExportFailures.Signal;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.context.Context;

/**
 * The OpenTelemetry {@link MeterProvider} given to the starter's batch processors, and to nothing else (it is
 * not a bean): a processor's own instrumentation is the one place that sees a span or log record refused by a
 * full queue, so this provider passes those counts to {@link ExportFailures} and is a no-op for every other
 * instrument. Both forms of the SDK's instrumentation are understood: the default ({@code processedSpans} or
 * {@code processedLogs} with {@code dropped=true}) and the semantic-convention one
 * ({@code otel.sdk.processor.span.processed} or {@code otel.sdk.processor.log.processed} with
 * {@code error.type=queue_full}).
 */
final class QueueFullMeterProvider implements MeterProvider {

	static final String LEGACY_SPANS_PROCESSED = "processedSpans";

	static final String SEMCONV_SPANS_PROCESSED = "otel.sdk.processor.span.processed";

	static final String LEGACY_LOGS_PROCESSED = "processedLogs";

	static final String SEMCONV_LOGS_PROCESSED = "otel.sdk.processor.log.processed";

	private static final AttributeKey<Boolean> LEGACY_DROPPED = AttributeKey.booleanKey("dropped");

	private static final AttributeKey<String> SEMCONV_ERROR = AttributeKey.stringKey("error.type");

	private static final Meter NOOP = MeterProvider.noop().get("noop");

	private final ExportFailures failures;

	private final Signal signal;

	private final String legacyProcessed;

	private final String semconvProcessed;

	QueueFullMeterProvider(ExportFailures failures, Signal signal) {
		this.failures = failures;
		this.signal = signal;
		this.legacyProcessed = (signal == Signal.SPANS) ? LEGACY_SPANS_PROCESSED : LEGACY_LOGS_PROCESSED;
		this.semconvProcessed = (signal == Signal.SPANS) ? SEMCONV_SPANS_PROCESSED : SEMCONV_LOGS_PROCESSED;
	}

	@Override
	public MeterBuilder meterBuilder(String instrumentationScopeName) {
		return new MeterBuilder() {

			@Override
			public MeterBuilder setSchemaUrl(String schemaUrl) {
				return this;
			}

			@Override
			public MeterBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
				return this;
			}

			@Override
			public Meter build() {
				return new QueueFullMeter();
			}

		};
	}

	boolean isQueueFull(String counter, Attributes attributes) {
		return (counter.equals(this.legacyProcessed) && Boolean.TRUE.equals(attributes.get(LEGACY_DROPPED)))
				|| (counter.equals(this.semconvProcessed) && "queue_full".equals(attributes.get(SEMCONV_ERROR)));
	}

	private final class QueueFullMeter implements Meter {

		@Override
		public LongCounterBuilder counterBuilder(String name) {
			LongCounterBuilder noop = NOOP.counterBuilder(name);
			return (name.equals(QueueFullMeterProvider.this.legacyProcessed)
					|| name.equals(QueueFullMeterProvider.this.semconvProcessed)) ? new Processed(name, noop)
					: noop;
		}

		@Override
		public LongUpDownCounterBuilder upDownCounterBuilder(String name) {
			return NOOP.upDownCounterBuilder(name);
		}

		@Override
		public DoubleHistogramBuilder histogramBuilder(String name) {
			return NOOP.histogramBuilder(name);
		}

		@Override
		public DoubleGaugeBuilder gaugeBuilder(String name) {
			return NOOP.gaugeBuilder(name);
		}

	}

	/** The processor's counter of spans or log records; only its queue-full adds are kept. */
	private final class Processed implements LongCounterBuilder, LongCounter {

		private final String name;

		private final LongCounterBuilder noop;

		Processed(String name, LongCounterBuilder noop) {
			this.name = name;
			this.noop = noop;
		}

		@Override
		public LongCounterBuilder setDescription(String description) {
			return this;
		}

		@Override
		public LongCounterBuilder setUnit(String unit) {
			return this;
		}

		@Override
		public DoubleCounterBuilder ofDoubles() {
			return this.noop.ofDoubles();
		}

		@Override
		public LongCounter build() {
			return this;
		}

		@Override
		public ObservableLongCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
			return this.noop.buildWithCallback(callback);
		}

		@Override
		public void add(long value) {
		}

		@Override
		public void add(long value, Attributes attributes) {
			if (isQueueFull(this.name, attributes)) {
				QueueFullMeterProvider.this.failures.count(QueueFullMeterProvider.this.signal, Reason.QUEUE_FULL,
						value);
			}
		}

		@Override
		public void add(long value, Attributes attributes, Context context) {
			add(value, attributes);
		}

	}

}
