package io.github.dynamologging.hardening;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The concurrent request load on a real Reactor Netty; the same app and context as {@link HostileReactiveRequestTest}. */
@SpringBootTest(classes = HardeningApps.ReactiveApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class LoadReactiveRequestTest extends LoadRequestTests {

	@Override
	String stack() {
		return "reactive";
	}

}
