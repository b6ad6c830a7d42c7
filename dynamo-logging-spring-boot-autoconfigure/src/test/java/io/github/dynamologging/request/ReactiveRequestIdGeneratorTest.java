package io.github.dynamologging.request;

import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's request id generator on a real Reactor Netty; the cases are in the superclass. */
@SpringBootTest(classes = ReactiveRequestIdGeneratorTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactiveRequestIdGeneratorTest extends RequestIdGeneratorIntegrationTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Generator.class)
	@RestController
	static class App {

		@GetMapping("/log")
		Mono<String> handled() {
			return Mono.fromSupplier(() -> {
				LoggerFactory.getLogger(ReactiveRequestIdGeneratorTest.class).info("handled");
				return "ok";
			});
		}

	}

}
