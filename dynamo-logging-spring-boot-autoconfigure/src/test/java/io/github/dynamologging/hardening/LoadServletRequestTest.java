package io.github.dynamologging.hardening;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The concurrent request load on a real Tomcat; the same app and context as {@link HostileServletRequestTest}. */
@SpringBootTest(classes = HardeningApps.ServletApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class LoadServletRequestTest extends LoadRequestTests {

	@Override
	String stack() {
		return "servlet";
	}

}
