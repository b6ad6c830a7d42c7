package io.github.dynamologging.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints that show log lines: {@code /hello} logs at INFO and, for a request a per-request rule raises
 * (docs/runtime-control.md), a DEBUG line too.
 */
@RestController
class HelloController {

	private static final Logger log = LoggerFactory.getLogger(HelloController.class);

	@GetMapping("/hello")
	String hello(@RequestParam(defaultValue = "world") String name) {
		log.atInfo().addKeyValue("name", name).log("hello {}", name);
		log.atDebug().addKeyValue("length", name.length()).log("hello details");
		return "hello " + name;
	}

	@GetMapping("/fail")
	ResponseEntity<String> fail() {
		IllegalStateException failure = new IllegalStateException("the sample failed on purpose",
				new IllegalArgumentException("root cause"));
		log.error("request failed", failure);
		return ResponseEntity.internalServerError().body("failed");
	}

}
