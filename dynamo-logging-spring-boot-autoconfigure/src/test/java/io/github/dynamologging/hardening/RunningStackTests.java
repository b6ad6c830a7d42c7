package io.github.dynamologging.hardening;

import io.github.dynamologging.request.CapturedLines;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

/** A test against one of {@link HardeningApps} on a random port, with every line it logs captured. */
abstract class RunningStackTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	final CapturedLines captured = new CapturedLines();

	/** {@code servlet} or {@code reactive}, for the printed figures and unique ids. */
	abstract String stack();

}
