package io.github.dynamologging.hardening;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.dynamologging.request.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two web apps the hardening tests start, one per stack, with the same endpoints; each answers with
 * the request id it sees in the MDC.
 * <ul>
 * <li>{@code GET /log}: logs {@code handled} with {@code header_seen}, the one {@code X-Request-Id} the
 * app received (empty when none or several).</li>
 * <li>{@code GET /echo?q=}: logs the decoded parameter as the message and as the key-value {@code q}.</li>
 * <li>{@code GET /load}: logs {@code load start} and {@code load middle} on the request's thread and
 * {@code load async} after a hop to another thread, each with {@code sent_id}, the header as sent.</li>
 * </ul>
 */
final class HardeningApps {

	static final List<String> LOAD_MESSAGES = List.of("load start", "load middle", "load async");

	private static final Logger log = LoggerFactory.getLogger(HardeningApps.class);

	private HardeningApps() {
	}

	private static String single(List<String> header) {
		return (header != null && header.size() == 1) ? header.get(0) : "";
	}

	private static String loadLine(String message, String sentId) {
		log.atInfo().addKeyValue("sent_id", sentId).log(message);
		return MDC.get(RequestId.MDC_KEY);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class ServletApp {

		@GetMapping("/log")
		String handled(@RequestHeader(name = "X-Request-Id", required = false) List<String> header) {
			log.atInfo().addKeyValue("header_seen", single(header)).log("handled");
			return MDC.get(RequestId.MDC_KEY);
		}

		@GetMapping("/echo")
		String echo(@RequestParam(defaultValue = "") String q) {
			log.atInfo().addKeyValue("q", q).log(q);
			return MDC.get(RequestId.MDC_KEY);
		}

		@GetMapping("/load")
		Callable<String> load(@RequestHeader("X-Request-Id") String sentId) {
			loadLine("load start", sentId);
			loadLine("load middle", sentId);
			// Spring MVC runs the Callable on its task executor: the hop.
			return () -> loadLine("load async", sentId);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class ReactiveApp {

		@GetMapping("/log")
		Mono<String> handled(@RequestHeader(name = "X-Request-Id", required = false) List<String> header) {
			log.atInfo().addKeyValue("header_seen", single(header)).log("handled");
			return Mono.fromSupplier(() -> MDC.get(RequestId.MDC_KEY));
		}

		@GetMapping("/echo")
		Mono<String> echo(@RequestParam(defaultValue = "") String q) {
			log.atInfo().addKeyValue("q", q).log(q);
			return Mono.fromSupplier(() -> MDC.get(RequestId.MDC_KEY));
		}

		@GetMapping("/load")
		Mono<String> load(@RequestHeader("X-Request-Id") String sentId) {
			loadLine("load start", sentId);
			loadLine("load middle", sentId);
			return Mono.delay(Duration.ofMillis(1))
				.publishOn(Schedulers.boundedElastic())
				.map((tick) -> loadLine("load async", sentId));
		}

	}

}
