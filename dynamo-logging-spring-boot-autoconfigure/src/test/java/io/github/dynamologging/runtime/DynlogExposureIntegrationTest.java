package io.github.dynamologging.runtime;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot's exposure and access rules decide whether {@code /actuator/dynlog} answers, on a real Tomcat. */
class DynlogExposureIntegrationTest {

	private static final Class<?>[] APP = { DynlogEndpointIntegrationTest.App.class };

	@Test
	void notExposedAnswers404() throws Exception {
		try (RunningApp app = RunningApp.start(APP, "management.endpoints.web.exposure.include=loggers")) {
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(404);
			assertThat(app.post("/actuator/dynlog", "{\"filter\":\"debug\"}").statusCode()).isEqualTo(404);
			assertThat(app.get("/actuator/loggers").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void readOnlyAccessAnswersReadsAndRefusesWrites() throws Exception {
		try (RunningApp app = RunningApp.start(APP, "management.endpoints.web.exposure.include=dynlog",
				"management.endpoint.dynlog.access=read-only")) {
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(200);
			HttpResponse<String> post = app.post("/actuator/dynlog", "{\"filter\":\"com.example=trace\"}");
			assertThat(post.statusCode()).isEqualTo(405);
			assertThat(app.delete("/actuator/dynlog").statusCode()).isEqualTo(405);
			assertThat(RunningApp.configuredLevel("com.example")).isNull();
			assertThat(app.auditLines()).isEmpty();
		}
	}

	@Test
	void accessNoneAnswers404() throws Exception {
		try (RunningApp app = RunningApp.start(APP, "management.endpoints.web.exposure.include=dynlog",
				"management.endpoint.dynlog.access=none")) {
			assertThat(app.get("/actuator/dynlog").statusCode()).isEqualTo(404);
		}
	}

}
