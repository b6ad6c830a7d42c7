package io.github.dynamologging.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample is built with dynamo-logging-maven-plugin: its logging class, as tested and packaged, carries
 * its call sites (they name the starter's call site bootstrap) and the plugin's processed marker.
 */
class CallSitesRecordedTest {

	@Test
	void loggingClassIsProcessed() throws IOException {
		assertThat(constantPoolText(HelloController.class)).contains(
				"io/github/dynamologging/callsite/CallSiteBootstrap", "io.github.dynamologging.CallSitesRecorded");
	}

	/** The class file's bytes as ISO-8859-1 text: its UTF-8 constants (ASCII here) show as they are. */
	private static String constantPoolText(Class<?> type) throws IOException {
		try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
