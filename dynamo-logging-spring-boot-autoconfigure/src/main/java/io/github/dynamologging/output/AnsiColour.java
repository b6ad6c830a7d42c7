package io.github.dynamologging.output;

import java.io.Console;
import java.lang.reflect.Method;

import org.springframework.boot.ansi.AnsiOutput;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Whether readable lines are coloured: Spring Boot's {@code spring.output.ansi.enabled}
 * ({@code DYN_SDK_DISABLE_ANSI_LOGGING} maps to {@code never}); with {@code detect}, only on a terminal.
 */
final class AnsiColour {

	private AnsiColour() {
	}

	static boolean enabled(Environment environment) {
		AnsiOutput.Enabled setting = Binder.get(environment)
			.bind("spring.output.ansi.enabled", AnsiOutput.Enabled.class)
			.orElse(AnsiOutput.Enabled.DETECT);
		return switch (setting) {
			case ALWAYS -> true;
			case NEVER -> false;
			case DETECT -> onTerminal();
		};
	}

	/**
	 * A console alone is not enough on Java 22 and later, where {@code System.console()} exists even when
	 * the output is redirected; {@code Console.isTerminal()} says the truth there.
	 */
	private static boolean onTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
