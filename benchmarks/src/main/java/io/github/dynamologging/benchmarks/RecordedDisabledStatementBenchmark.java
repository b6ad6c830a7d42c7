package io.github.dynamologging.benchmarks;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import io.github.dynamologging.benchmarks.DisabledStatementBenchmark.CountingNullStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code log.debug("x {}", arg)} on a logger at INFO, from an application class as compiled and as rewritten by
 * {@code dynamo-logging-maven-plugin}, with the Logback context as the starter leaves it and with plain Logback
 * defaults ({@link DisabledStatementBenchmark#context}). The target compares {@code rewritten} under the
 * starter with {@code compiled} under plain Logback.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RecordedDisabledStatementBenchmark {

	@Param({ "starter", "logback" })
	public String setup;

	@Param({ "compiled", "rewritten" })
	public String classes;

	private LoggerContext context;

	private org.slf4j.Logger log;

	private LoggingStatements statements;

	private Object arg;

	@Setup
	public void setUp() {
		this.context = DisabledStatementBenchmark.context(this.setup, new CountingNullStream());
		this.log = this.context.getLogger(Events.LOGGER_NAME);
		this.statements = LoggingStatements.load("rewritten".equals(this.classes));
		this.arg = "order-" + System.nanoTime();
	}

	@TearDown
	public void tearDown() {
		this.context.stop();
	}

	@Benchmark
	public void debugDisabled() {
		this.statements.debug(this.log, this.arg);
	}

}
