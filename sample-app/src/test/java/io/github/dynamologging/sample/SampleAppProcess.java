package io.github.dynamologging.sample;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample app in a JVM of its own, as a user runs it: real environment variables, real stderr and
 * stdout, a real port. Tests read back exactly what the process wrote.
 */
final class SampleAppProcess implements AutoCloseable {

	/** Tomcat's or Reactor Netty's start line. */
	private static final Pattern PORT = Pattern.compile("(?:Tomcat|Netty) started on port (\\d+)");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final List<String> stderr = new CopyOnWriteArrayList<>();

	private final List<String> stdout = new CopyOnWriteArrayList<>();

	/** Every byte of stderr as written, for the validator: a last line without its \n shows up there. */
	private final ByteArrayOutputStream stderrBytes = new ByteArrayOutputStream();

	private final Thread stderrReader;

	private final Thread stdoutReader;

	private final HttpClient http = HttpClient.newHttpClient();

	private int port;

	private SampleAppProcess(Process process) {
		this.process = process;
		this.stderrReader = drain(process.getErrorStream(), this.stderr, this.stderrBytes);
		this.stdoutReader = drain(process.getInputStream(), this.stdout, new ByteArrayOutputStream());
	}

	/** Starts the app on a random port with only the given DYN_* and OTEL_* variables set. */
	static SampleAppProcess start(Map<String, String> environment, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-jar");
		command.add(jar().toString());
		command.add("--server.port=0");
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf((name) -> name.startsWith("DYN_") || name.startsWith("OTEL_"));
		builder.environment().putAll(environment);
		return new SampleAppProcess(builder.start());
	}

	/** The packaged app (failsafe passes its path), so tests see what users run, dependencies included. */
	private static Path jar() {
		String jar = System.getProperty("sample.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("sample.jar names no packaged app (" + jar
					+ "); run these tests with ./mvnw verify, which packages the app first");
		}
		return Path.of(jar);
	}

	/** Waits until the app listens, or fails with what it wrote. */
	SampleAppProcess awaitStarted() throws InterruptedException {
		String line = awaitStderr((text) -> PORT.matcher(text).find(), START_TIMEOUT);
		Matcher matcher = PORT.matcher(line);
		matcher.find();
		this.port = Integer.parseInt(matcher.group(1));
		return this;
	}

	/** The first stderr line that matches, waiting for it. */
	String awaitStderr(Predicate<String> condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (String line : this.stderr) {
				if (condition.test(line)) {
					return line;
				}
			}
			if (!this.process.isAlive()) {
				this.stderrReader.join(5000);
				for (String line : this.stderr) {
					if (condition.test(line)) {
						return line;
					}
				}
				throw new AssertionError("the app exited with " + this.process.exitValue() + " first; stderr:\n"
						+ String.join("\n", this.stderr));
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no matching line within " + timeout + "; stderr:\n" + String.join("\n", this.stderr));
	}

	HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
		return send(request(pathAndQuery, headers).GET().build());
	}

	HttpResponse<String> postJson(String path, String json, String... headers) throws IOException, InterruptedException {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private HttpRequest.Builder request(String pathAndQuery, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Stops the app as a platform would (SIGTERM), and waits for it and its output. */
	int stop() throws InterruptedException {
		// Through the handle: Process.destroy() would also close our end of the pipes and lose the last lines.
		this.process.toHandle().destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.toHandle().destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		return awaitExit();
	}

	/** Waits for an app that stops by itself (a failed start). */
	int awaitExit() throws InterruptedException {
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			throw new AssertionError("the app did not exit; stderr:\n" + String.join("\n", this.stderr));
		}
		this.stderrReader.join(10_000);
		this.stdoutReader.join(10_000);
		return this.process.exitValue();
	}

	List<String> stderrLines() {
		return List.copyOf(this.stderr);
	}

	List<String> stdoutLines() {
		return List.copyOf(this.stdout);
	}

	/** Everything the app wrote to stderr so far, byte for byte. */
	byte[] stderrBytes() {
		return this.stderrBytes.toByteArray();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** Splits at LF only: a stray CR inside a line must show up as such, not as a line break. */
	private static Thread drain(InputStream stream, List<String> lines, ByteArrayOutputStream bytes) {
		Thread reader = new Thread(() -> {
			try (InputStream in = new BufferedInputStream(stream)) {
				ByteArrayOutputStream line = new ByteArrayOutputStream();
				int next;
				while ((next = in.read()) != -1) {
					bytes.write(next);
					if (next == '\n') {
						lines.add(line.toString(StandardCharsets.UTF_8));
						line.reset();
					}
					else {
						line.write(next);
					}
				}
				if (line.size() > 0) {
					lines.add(line.toString(StandardCharsets.UTF_8));
				}
			}
			catch (IOException ex) {
				lines.add("<<reading the stream failed: " + ex + ">>");
			}
		}, "sample-app-output");
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

}
