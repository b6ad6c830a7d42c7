package io.github.dynamologging.hardening;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The hostile request cases on a real Reactor Netty. */
@SpringBootTest(classes = HardeningApps.ReactiveApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class HostileReactiveRequestTest extends HostileRequestTests {

	@Override
	String stack() {
		return "reactive";
	}

}
