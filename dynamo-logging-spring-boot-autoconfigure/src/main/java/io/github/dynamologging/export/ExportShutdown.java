package io.github.dynamologging.export;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.context.SmartLifecycle;

/**
 * Ends the tracer and logger providers, their last flushes included, within one export timeout for both
 * (docs/otlp-export.md: shutdown waits at most 5 s in all). Left to themselves the flushes export what is
 * queued batch by batch, each waiting up to that timeout, and each provider's own close waits 10 s. Stopping
 * here, after the web server and before any bean is destroyed, the spans and lines of the last requests are
 * queued, both flushes run at once and the wait is bounded once; the providers' own closes then find them
 * shut down and return at once. What is still unsent when the wait ends is lost with the process.
 * <p>
 * A stop that is not a close ({@code context.stop()}, or Spring's pausing of a cached test context) only
 * flushes, within the same bound: a provider once shut down never records again, so ending it there would
 * leave a restarted context without spans.
 */
final class ExportShutdown implements SmartLifecycle {

	/** Below the web server's phase, so it stops after the server. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final Supplier<SdkTracerProvider> tracerProvider;

	private final Supplier<SdkLoggerProvider> loggerProvider;

	private final Supplier<Duration> timeout;

	private final BooleanSupplier closing;

	private volatile boolean running;

	/**
	 * @param tracerProvider the provider, {@code null} when the application has none
	 * @param loggerProvider the provider, {@code null} when the application has none
	 * @param timeout the export timeout, the bound of both flushes together
	 * @param closing whether the context is closing, as opposed to merely stopping
	 */
	ExportShutdown(Supplier<SdkTracerProvider> tracerProvider, Supplier<SdkLoggerProvider> loggerProvider,
			Supplier<Duration> timeout, BooleanSupplier closing) {
		this.tracerProvider = tracerProvider;
		this.loggerProvider = loggerProvider;
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
		boolean closing = this.closing.getAsBoolean();
		SdkTracerProvider tracers = this.tracerProvider.get();
		SdkLoggerProvider loggers = this.loggerProvider.get();
		List<CompletableResultCode> flushes = new java.util.ArrayList<>(2);
		// Logs first: the lines of the tracer's own shutdown, if any, are then already out or lost.
		if (loggers != null) {
			flushes.add(closing ? loggers.shutdown() : loggers.forceFlush());
		}
		if (tracers != null) {
			flushes.add(closing ? tracers.shutdown() : tracers.forceFlush());
		}
		CompletableResultCode.ofAll(flushes).join(timeout().toMillis(), TimeUnit.MILLISECONDS);
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
