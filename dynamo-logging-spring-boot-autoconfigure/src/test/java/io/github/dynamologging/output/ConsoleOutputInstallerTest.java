package io.github.dynamologging.output;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import io.github.dynamologging.format.DynamoJsonlEncoder;
import io.github.dynamologging.format.DynamoReadableEncoder;
import io.github.dynamologging.testing.JsonLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Works on the JVM's Logback context, as the installer does; puts back what was there. */
class ConsoleOutputInstallerTest {

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);

	private ConsoleAppender<ILoggingEvent> bootConsole;

	@BeforeEach
	void installBootLikeConsole() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%m%n");
		encoder.start();
		ThresholdFilter threshold = new ThresholdFilter();
		threshold.setLevel("WARN");
		threshold.start();
		this.bootConsole = new ConsoleAppender<>();
		this.bootConsole.setContext(this.context);
		this.bootConsole.setName("CONSOLE");
		this.bootConsole.setEncoder(encoder);
		this.bootConsole.addFilter(threshold);
		this.bootConsole.start();
		this.root.detachAppender("CONSOLE");
		this.root.addAppender(this.bootConsole);
	}

	@AfterEach
	void removeConsole() {
		Appender<ILoggingEvent> console = this.root.getAppender("CONSOLE");
		if (console != null) {
			this.root.detachAppender(console);
			console.stop();
		}
	}

	@Test
	void jsonlOnStdoutReplacesBootsConsoleAndKeepsItsThreshold() {
		MockEnvironment environment = new MockEnvironment().withProperty("dynamo.logging.format", "jsonl")
			.withProperty("dynamo.logging.output", "stdout");
		new ConsoleOutputInstaller().install(environment);
		Appender<ILoggingEvent> console = this.root.getAppender("CONSOLE");
		assertThat(console).isInstanceOf(ConsoleAppender.class).isNotSameAs(this.bootConsole);
		ConsoleAppender<ILoggingEvent> installed = (ConsoleAppender<ILoggingEvent>) console;
		assertThat(installed.isStarted()).isTrue();
		assertThat(installed.getTarget()).isEqualTo("System.out");
		assertThat(installed.getEncoder()).isInstanceOf(DynamoJsonlEncoder.class);
		assertThat(installed.getCopyOfAttachedFiltersList()).singleElement().isInstanceOf(ThresholdFilter.class);
		assertThat(this.bootConsole.isStarted()).isFalse();
	}

	@Test
	void jsonlFindsTheCallerInTheAppenderBeforeEncoding() {
		MockEnvironment environment = new MockEnvironment().withProperty("dynamo.logging.format", "jsonl")
			.withProperty("dynamo.logging.output", "stdout");
		new ConsoleOutputInstaller().install(environment);
		assertThat(this.root.getAppender("CONSOLE")).isInstanceOf(CallerLocatingConsoleAppender.class);
		ListAppender<ILoggingEvent> after = new ListAppender<>();
		after.setContext(this.context);
		after.start();
		this.root.addAppender(after);
		PrintStream stdout = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		int line;
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			line = StackWalker.getInstance().walk((frames) -> frames.findFirst()).orElseThrow().getLineNumber() + 1;
			LoggerFactory.getLogger("caller.test").warn("where am I");
		}
		finally {
			System.setOut(stdout);
			this.root.detachAppender(after);
		}
		// The test run's own console (plain text) writes to stdout too; the installed one writes the JSON line.
		String jsonLine = captured.toString(StandardCharsets.UTF_8).lines().filter((text) -> text.startsWith("{"))
			.collect(Collectors.joining("\n", "", "\n"));
		JsonNode json = JsonLines.parse(jsonLine).get(0);
		assertThat(json.get("message").asString()).isEqualTo("where am I");
		assertThat(json.get("file").asString()).isEqualTo("io/github/dynamologging/output/ConsoleOutputInstallerTest.java");
		assertThat(json.get("line").asInt()).isEqualTo(line);
		// The caller is the event's caller data, as an appender after the console sees it.
		assertThat(after.list).singleElement()
			.satisfies((event) -> assertThat(event.getCallerData()).singleElement()
				.satisfies((frame) -> assertThat(frame.getLineNumber()).isEqualTo(line)));
	}

	@Test
	void noCallerLookupInTheAppenderWhenLinesCarryNoCaller() {
		new ConsoleOutputInstaller().install(new MockEnvironment().withProperty("dynamo.logging.format", "jsonl")
			.withProperty("dynamo.logging.caller-data", "false"));
		assertThat(this.root.getAppender("CONSOLE")).hasSameClassAs(new ConsoleAppender<>());
		removeConsole();
		installBootLikeConsole();
		new ConsoleOutputInstaller().install(new MockEnvironment().withProperty("dynamo.logging.format", "readable"));
		assertThat(this.root.getAppender("CONSOLE")).hasSameClassAs(new ConsoleAppender<>());
	}

	@Test
	void asyncPutsTheConsoleBehindTheQueueAndKeepsTheThresholdOnTheLoggingThread() {
		MockEnvironment environment = new MockEnvironment().withProperty("dynamo.logging.format", "jsonl")
			.withProperty("dynamo.logging.async.enabled", "true")
			.withProperty("dynamo.logging.async.queue-size", "1000");
		new ConsoleOutputInstaller().install(environment);
		Appender<ILoggingEvent> console = this.root.getAppender("CONSOLE");
		assertThat(console).isInstanceOf(AsyncConsoleAppender.class);
		AsyncConsoleAppender async = (AsyncConsoleAppender) console;
		assertThat(async.isStarted()).isTrue();
		assertThat(async.getRingBufferSize()).isEqualTo(1024);
		assertThat(async.getCopyOfAttachedFiltersList()).singleElement().isInstanceOf(ThresholdFilter.class);
		assertThat(AsyncOutput.installed()).containsSame(async);
		assertThat(this.bootConsole.isStarted()).isFalse();
	}

	@Test
	void asyncWithALibraryThatCannotRunItWritesOnTheLoggingThreadAndSaysSoOnce() {
		MockEnvironment environment = new MockEnvironment().withProperty("dynamo.logging.format", "jsonl")
			.withProperty("dynamo.logging.async.enabled", "true");
		Logger installerLog = this.context.getLogger(ConsoleOutputInstaller.class);
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.setContext(this.context);
		lines.start();
		installerLog.addAppender(lines);
		try {
			new ConsoleOutputInstaller(() -> "the async console cannot run here").install(environment);
		}
		finally {
			installerLog.detachAppender(lines);
		}
		Appender<ILoggingEvent> console = this.root.getAppender("CONSOLE");
		assertThat(console).isInstanceOf(ConsoleAppender.class);
		assertThat(((ConsoleAppender<ILoggingEvent>) console).getEncoder()).isInstanceOf(DynamoJsonlEncoder.class);
		assertThat(AsyncOutput.installed()).isEmpty();
		assertThat(lines.list).singleElement().satisfies((line) -> {
			assertThat(line.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
			assertThat(line.getFormattedMessage()).isEqualTo("the async console cannot run here");
		});
	}

	@Test
	void theLibraryIsNotAskedAboutWhenAsyncIsOff() {
		new ConsoleOutputInstaller(() -> {
			throw new AssertionError("asked");
		}).install(new MockEnvironment().withProperty("dynamo.logging.format", "jsonl"));
		assertThat(this.root.getAppender("CONSOLE")).isInstanceOf(ConsoleAppender.class);
	}

	@Test
	void readableOnStderrByDefault() {
		new ConsoleOutputInstaller().install(new MockEnvironment());
		ConsoleAppender<ILoggingEvent> installed = (ConsoleAppender<ILoggingEvent>) this.root.getAppender("CONSOLE");
		assertThat(installed.getTarget()).isEqualTo("System.err");
		assertThat(installed.getEncoder()).isInstanceOf(DynamoReadableEncoder.class);
	}

	@Test
	void disabledLeavesBootsConsoleAlone() {
		new ConsoleOutputInstaller().install(new MockEnvironment().withProperty("dynamo.logging.enabled", "false"));
		assertThat(this.root.getAppender("CONSOLE")).isSameAs(this.bootConsole);
		assertThat(this.bootConsole.isStarted()).isTrue();
	}

	@Test
	void aConfigurationWithoutAConsoleAppenderIsLeftAlone() {
		this.root.detachAppender(this.bootConsole);
		new ConsoleOutputInstaller().install(new MockEnvironment().withProperty("dynamo.logging.format", "jsonl"));
		assertThat(this.root.getAppender("CONSOLE")).isNull();
	}

}
