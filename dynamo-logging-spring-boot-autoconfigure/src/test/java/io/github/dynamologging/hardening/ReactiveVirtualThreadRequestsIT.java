package io.github.dynamologging.hardening;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Requests on Reactor Netty whose controller method returns a plain value: with virtual threads on, WebFlux runs
 * it on Boot's task executor, a virtual thread a call.
 */
@SpringBootTest(classes = VirtualThreadApps.ReactiveApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.threads.virtual.enabled=true" })
class ReactiveVirtualThreadRequestsIT extends VirtualThreadRequestTests {

	@Override
	String stack() {
		return "reactive";
	}

}
