package io.github.dynamologging.sample;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** {@code /chain} and {@code /test} on Servlet, through a RestClient built from Spring's builder. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServletChainController {

	private final RestClient client;

	ServletChainController(RestClient.Builder builder) {
		this.client = builder.build();
	}

	/** Calls this app's own {@code /hello}: a second hop in the same trace. */
	@GetMapping("/chain")
	String chain(HttpServletRequest request) {
		return this.client.get()
			.uri("http://127.0.0.1:" + request.getLocalPort() + "/hello?name=chain")
			.retrieve()
			.body(String.class);
	}

	/** The W3C trace-context test-suite service: POST each case's arguments to its url. */
	@PostMapping("/test")
	void test(@RequestBody List<TestCase> cases) {
		for (TestCase testCase : cases) {
			this.client.post()
				.uri(testCase.url())
				.contentType(MediaType.APPLICATION_JSON)
				.body(testCase.arguments())
				.retrieve()
				.toBodilessEntity();
		}
	}

}
