package io.github.dynamologging.export;

import java.util.function.Consumer;

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
 * The OpenTelemetry {@link MeterProvider} Boot hands to its {@code BatchSpanProcessor}: the processor's own
 * instrumentation is the one place that sees a span refused by a full queue, so this provider passes those
 * counts to {@link ExportFailures} and is a no-op for every other instrument. Both forms of the SDK's
 * instrumentation are understood: the default ({@value #LEGACY_PROCESSED} with {@code dropped=true}) and the
 * semantic-convention one ({@value #SEMCONV_PROCESSED} with {@code error.type=queue_full}).
 */
final class QueueFullMeterProvider implements MeterProvider {

	static final String LEGACY_PROCESSED = "processedSpans";

	static final String SEMCONV_PROCESSED = "otel.sdk.processor.span.processed";

	private static final AttributeKey<Boolean> LEGACY_DROPPED = AttributeKey.booleanKey("dropped");

	private static final AttributeKey<String> SEMCONV_ERROR = AttributeKey.stringKey("error.type");

	private static final Meter NOOP = MeterProvider.noop().get("noop");

	private final ExportFailures failures;

	QueueFullMeterProvider(ExportFailures failures) {
		this.failures = failures;
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

	static boolean isQueueFull(String counter, Attributes attributes) {
		return (counter.equals(LEGACY_PROCESSED) && Boolean.TRUE.equals(attributes.get(LEGACY_DROPPED)))
				|| (counter.equals(SEMCONV_PROCESSED) && "queue_full".equals(attributes.get(SEMCONV_ERROR)));
	}

	private final class QueueFullMeter implements Meter {

		@Override
		public LongCounterBuilder counterBuilder(String name) {
			LongCounterBuilder noop = NOOP.counterBuilder(name);
			return (name.equals(LEGACY_PROCESSED) || name.equals(SEMCONV_PROCESSED)) ? new ProcessedSpans(name, noop)
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

	/** The processor's span counter; only its queue-full adds are kept. */
	private final class ProcessedSpans implements LongCounterBuilder, LongCounter {

		private final String name;

		private final LongCounterBuilder noop;

		ProcessedSpans(String name, LongCounterBuilder noop) {
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
				QueueFullMeterProvider.this.failures.queueFull(value);
			}
		}

		@Override
		public void add(long value, Attributes attributes, Context context) {
			add(value, attributes);
		}

	}

}
