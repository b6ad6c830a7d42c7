package io.github.dynamologging.rules;

import io.github.dynamologging.request.CapturedLines;
import tools.jackson.databind.JsonNode;

import static io.github.dynamologging.request.CapturedLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/** What the rule tests look for among the captured lines of one request. */
final class RuleLines {

	private RuleLines() {
	}

	/** The DEBUG line with {@code message} of the request, which {@code rule} let through. */
	static JsonNode raised(CapturedLines captured, String message, String requestId, String rule)
			throws InterruptedException {
		JsonNode line = captured.await((candidate) -> message.equals(text(candidate, "message"))
				&& requestId.equals(text(candidate, "x_request_id")));
		assertThat(text(line, "level")).isEqualTo("DEBUG");
		assertThat(text(line, "dynlog_rule")).isEqualTo(rule);
		assertThat(text(line, "target")).isEqualTo("com.example.rules.Api");
		return line;
	}

	/** Once the request's line {@code lastMessage} is there: the request logged no DEBUG line. */
	static void notRaised(CapturedLines captured, String requestId, String lastMessage) throws InterruptedException {
		captured.await((line) -> lastMessage.equals(text(line, "message"))
				&& requestId.equals(text(line, "x_request_id")));
		assertThat(captured.lines()).filteredOn((line) -> requestId.equals(text(line, "x_request_id")))
			.isNotEmpty()
			.noneMatch((line) -> "DEBUG".equals(text(line, "level")));
	}

}
