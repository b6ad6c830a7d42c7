package io.github.dynamologging.sample;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/** {@code /chain} and {@code /test} on WebFlux, through a WebClient built from Spring's builder. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class ReactiveChainController {

	private final WebClient client;

	ReactiveChainController(WebClient.Builder builder) {
		this.client = builder.build();
	}

	/** Calls this app's own {@code /hello}: a second hop in the same trace. */
	@GetMapping("/chain")
	Mono<String> chain(ServerHttpRequest request) {
		return this.client.get()
			.uri("http://127.0.0.1:" + request.getLocalAddress().getPort() + "/hello?name=chain")
			.retrieve()
			.bodyToMono(String.class);
	}

	/** The W3C trace-context test-suite service: POST each case's arguments to its url. */
	@PostMapping("/test")
	Mono<Void> test(@RequestBody List<TestCase> cases) {
		return Flux.fromIterable(cases)
			.concatMap((testCase) -> this.client.post()
				.uri(testCase.url())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(testCase.arguments())
				.retrieve()
				.toBodilessEntity())
			.then();
	}

}
