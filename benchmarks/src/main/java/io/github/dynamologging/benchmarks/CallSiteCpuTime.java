package io.github.dynamologging.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.benchmarks.DisabledStatementBenchmark.CountingNullStream;
import io.github.dynamologging.benchmarks.RecordedCallerBenchmark.ConsoleLookup;

/**
 * A cross-check of {@link RecordedCallerBenchmark} and {@link RecordedDisabledStatementBenchmark} for a machine
 * that runs other work: the same statements and set-ups, timed in the thread's own CPU time
 * ({@link ThreadCpuTimer}), one JVM per case. Prints a table of the medians.
 */
public final class CallSiteCpuTime {

	private static final List<String> CASES = List.of("lookup none", "lookup walk", "lookup recorded",
			"disabled logback compiled", "disabled starter compiled", "disabled starter rewritten");

	private CallSiteCpuTime() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		if (args.length == 2) {
			System.out.printf("| %s | %s | %,.1f |%n", args[0], args[1], measure(args[0], args[1]));
			return;
		}
		System.out.println("| benchmark | case | CPU ns/op (median of 15) |");
		System.out.println("|---|---|---:|");
		for (String measured : CASES) {
			String[] parts = measured.split(" ", 2);
			Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), CallSiteCpuTime.class.getName(), parts[0], parts[1])
				.inheritIO()
				.start();
			if (child.waitFor() != 0) {
				throw new IllegalStateException("measuring " + measured + " failed");
			}
		}
	}

	private static double measure(String benchmark, String variant) {
		if ("lookup".equals(benchmark)) {
			ConsoleLookup appender = new ConsoleLookup(!"none".equals(variant));
			LoggerContext context = CallerDataBenchmark.contextWith(appender);
			org.slf4j.Logger log = context.getLogger(Events.LOGGER_NAME);
			LoggingStatements statements = LoggingStatements.load("recorded".equals(variant));
			return ThreadCpuTimer.medianNanosPerOp(() -> {
				statements.infoAt(log, 0);
				return System.identityHashCode(appender.found);
			});
		}
		String[] setupAndClasses = variant.split(" ");
		LoggerContext context = DisabledStatementBenchmark.context(setupAndClasses[0], new CountingNullStream());
		org.slf4j.Logger log = context.getLogger(Events.LOGGER_NAME);
		LoggingStatements statements = LoggingStatements.load("rewritten".equals(setupAndClasses[1]));
		Object arg = "order-" + System.nanoTime();
		return ThreadCpuTimer.medianNanosPerOp(() -> {
			statements.debug(log, arg);
			return 1;
		});
	}

}
