package io.github.dynamologging.hardening;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.dynamologging.request.RequestId;
import io.github.dynamologging.testing.VirtualThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two web apps of the virtual-thread tests, run with {@code spring.threads.virtual.enabled=true}: Tomcat then
 * handles each request on a virtual thread of its own, and WebFlux runs a controller method that returns a plain
 * value (a blocking one) on Boot's task executor, whose threads are virtual too.
 * <p>
 * {@code GET /park} logs {@code park start}, sleeps (the virtual thread unmounts, and comes back on whichever
 * carrier is free), logs {@code park end}, then runs a task on Boot's task executor that sleeps and logs
 * {@code park task}, waits for it and answers with the request id in its MDC. Each line carries {@code sent_id},
 * the {@code X-Request-Id} as sent, {@code virtual} (whether its thread is a virtual one) and {@code carrier}.
 */
final class VirtualThreadApps {

	static final List<String> MESSAGES = List.of("park start", "park end", "park task");

	/** The line logged by work started outside any request. */
	static final String OUTSIDE = "outside any request";

	private static final long PARK_MILLIS = 5;

	private static final Logger log = LoggerFactory.getLogger(VirtualThreadApps.class);

	private VirtualThreadApps() {
	}

	static void line(String message, String sentId) {
		Thread thread = Thread.currentThread();
		log.atInfo()
			.addKeyValue("sent_id", sentId)
			.addKeyValue("virtual", VirtualThreads.isVirtual(thread))
			.addKeyValue("carrier", VirtualThreads.carrier(thread))
			.log(message);
	}

	static String park(String sentId, AsyncTaskExecutor executor) throws Exception {
		line("park start", sentId);
		Thread.sleep(PARK_MILLIS);
		line("park end", sentId);
		Future<?> task = executor.submit(() -> {
			Thread.sleep(PARK_MILLIS);
			line("park task", sentId);
			return null;
		});
		task.get(30, TimeUnit.SECONDS);
		return MDC.get(RequestId.MDC_KEY);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class ServletApp {

		private final AsyncTaskExecutor executor;

		ServletApp(@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
			this.executor = executor;
		}

		@GetMapping("/park")
		String park(@RequestHeader("X-Request-Id") String sentId) throws Exception {
			return VirtualThreadApps.park(sentId, this.executor);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class ReactiveApp {

		private final AsyncTaskExecutor executor;

		ReactiveApp(@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
			this.executor = executor;
		}

		/** A plain return value: WebFlux runs the method on Boot's (virtual-thread) task executor. */
		@GetMapping("/park")
		String park(@RequestHeader("X-Request-Id") String sentId) throws Exception {
			return VirtualThreadApps.park(sentId, this.executor);
		}

	}

}
