package io.github.dynamologging.hardening;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The hostile request cases on a real Tomcat. */
@SpringBootTest(classes = HardeningApps.ServletApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class HostileServletRequestTest extends HostileRequestTests {

	@Override
	String stack() {
		return "servlet";
	}

}
