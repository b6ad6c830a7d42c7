package io.github.dynamologging.request;

import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's request id generator on a real Tomcat; the cases are in the superclass. */
@SpringBootTest(classes = ServletRequestIdGeneratorTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=servlet")
class ServletRequestIdGeneratorTest extends RequestIdGeneratorIntegrationTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Generator.class)
	@RestController
	static class App {

		@GetMapping("/log")
		String handled() {
			LoggerFactory.getLogger(ServletRequestIdGeneratorTest.class).info("handled");
			return "ok";
		}

	}

}
