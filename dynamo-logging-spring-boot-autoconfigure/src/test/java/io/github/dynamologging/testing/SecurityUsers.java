package io.github.dynamologging.testing;

import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of the Spring Security tests (tag {@code security}): {@code alice}, an operator (role OPS),
 * and {@code bob}, who may only read (role VIEWER); both with the password {@code secret}. Kept out of the
 * test classes' own methods: these types load only with Spring Security on the classpath.
 */
public final class SecurityUsers {

	private SecurityUsers() {
	}

	/** Both users for a Servlet application. */
	public static InMemoryUserDetailsManager servlet() {
		return new InMemoryUserDetailsManager(operator(), reader());
	}

	/** Both users for a WebFlux application. */
	public static MapReactiveUserDetailsService reactive() {
		return new MapReactiveUserDetailsService(operator(), reader());
	}

	private static UserDetails operator() {
		return User.withUsername("alice").password("{noop}secret").roles("OPS").build();
	}

	private static UserDetails reader() {
		return User.withUsername("bob").password("{noop}secret").roles("VIEWER").build();
	}

}
