package io.github.dynamologging.format;

import java.net.URL;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.github.dynamologging.capture.CapturedLogLines;
import io.github.dynamologging.capture.DynamoLogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoder named in a plain logback.xml, without Spring: a console appender on stderr writes Dynamo's
 * JSONL lines, read back from the real stderr.
 */
class PlainLogbackConfigurationTest {

	@RegisterExtension
	final DynamoLogCapture stderr = DynamoLogCapture.stderr();

	private final LoggerContext context = new LoggerContext();

	@BeforeEach
	void configureFromLogbackXml() throws JoranException {
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.context);
		URL configuration = PlainLogbackConfigurationTest.class.getResource("/format/logback-plain.xml");
		configurator.doConfigure(configuration);
	}

	@AfterEach
	void stopLogback() {
		this.context.stop();
		MDC.clear();
	}

	@Test
	void writesValidJsonlLinesToStderr() {
		Logger log = this.context.getLogger("com.example.Orders");
		MDC.put("x_request_id", "req-7");
		int line = CapturingLogback.nextLine();
		log.atInfo().addKeyValue("order", 42).log("order placed");
		MDC.remove("x_request_id");
		log.debug("below the root level");
		log.warn("stock low");

		CapturedLogLines lines = this.stderr.lines().assertAllValid().assertLineCount(2);
		JsonNode placed = lines.withField("x_request_id", "req-7");
		assertThat(placed.get("message").asString()).isEqualTo("order placed");
		assertThat(placed.get("order").asInt()).isEqualTo(42);
		assertThat(placed.get("file").asString()).isEqualTo("io/github/dynamologging/format/PlainLogbackConfigurationTest.java");
		assertThat(placed.get("line").asInt()).isEqualTo(line);
		assertThat(placed.get("target").asString()).isEqualTo("com.example.Orders");
		JsonNode stockLow = lines.withMessage("stock low");
		assertThat(stockLow.get("level").asString()).isEqualTo("WARN");
		assertThat(stockLow.has("x_request_id")).isFalse();
	}

}
