package io.github.dynamologging.export;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.context.SmartLifecycle;

/**
 * Ends the tracer provider, its last flush included, within the export timeout (SPEC 7: shutdown waits at
 * most 5 s for a flush). Left to itself the flush exports what is queued batch by batch, each waiting up to
 * that timeout, and the provider's own close waits 10 s for all of them. Stopping here, after the web server
 * and before any bean is destroyed, the spans of the last requests are in the queue and the wait is bounded
 * once; the provider's own close then finds it shut down and returns at once. Spans still unsent when the
 * wait ends are lost with the process.
 * <p>
 * A stop that is not a close ({@code context.stop()}, or Spring's pausing of a cached test context) only
 * flushes, within the same bound: a provider once shut down never records again, so ending it there would
 * leave a restarted context without spans.
 */
final class TracerShutdown implements SmartLifecycle {

	/** Below the web server's phase, so it stops after the server. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final Supplier<SdkTracerProvider> tracerProvider;

	private final Supplier<Duration> timeout;

	private final BooleanSupplier closing;

	private volatile boolean running;

	/**
	 * @param tracerProvider the provider, {@code null} when the application has none
	 * @param timeout the export timeout, the bound of the whole flush
	 * @param closing whether the context is closing, as opposed to merely stopping
	 */
	TracerShutdown(Supplier<SdkTracerProvider> tracerProvider, Supplier<Duration> timeout, BooleanSupplier closing) {
		this.tracerProvider = tracerProvider;
		this.timeout = timeout;
		this.closing = closing;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		SdkTracerProvider provider = this.tracerProvider.get();
		if (provider != null) {
			(this.closing.getAsBoolean() ? provider.shutdown() : provider.forceFlush()).join(timeout().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	Duration timeout() {
		return this.timeout.get();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
