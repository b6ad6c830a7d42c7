package io.github.dynamologging.hardening;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** Requests on Tomcat's virtual threads, one a request, and tasks on Boot's virtual-thread task executor. */
@SpringBootTest(classes = VirtualThreadApps.ServletApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.threads.virtual.enabled=true" })
class ServletVirtualThreadRequestsIT extends VirtualThreadRequestTests {

	@Override
	String stack() {
		return "servlet";
	}

}
