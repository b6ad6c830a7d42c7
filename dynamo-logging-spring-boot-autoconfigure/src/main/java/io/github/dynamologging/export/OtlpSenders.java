package io.github.dynamologging.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The OTLP senders on the classpath and whether each can run (docs/otlp-export.md, "Without OkHttp").
 * <p>
 * The OpenTelemetry exporter sends through a sender found with {@link java.util.ServiceLoader}: the OkHttp one
 * (gRPC and http/protobuf, what the starter brings), the JDK's {@code HttpClient} one (http/protobuf only,
 * brought too, 19 KiB) or grpc-java's managed channel. A sender whose library was excluded is still listed
 * by its jar and fails only when the exporter is built, with a stack trace that stops the start; this class
 * tells beforehand, from the service files and the presence of one class of each library, without loading
 * any sender. Plain Java: it is asked while the environment is prepared, before logging is set up.
 */
final class OtlpSenders {

	static final String GRPC_SPI = "io.opentelemetry.sdk.common.export.GrpcSenderProvider";

	static final String HTTP_SPI = "io.opentelemetry.sdk.common.export.HttpSenderProvider";

	/** The same services under the names OpenTelemetry used before 1.59. */
	static final String OLD_GRPC_SPI = "io.opentelemetry.exporter.internal.grpc.GrpcSenderProvider";

	static final String OLD_HTTP_SPI = "io.opentelemetry.exporter.internal.http.HttpSenderProvider";

	static final String OKHTTP_SENDERS = "io.opentelemetry.exporter.sender.okhttp.";

	static final String JDK_SENDERS = "io.opentelemetry.exporter.sender.jdk.";

	static final String MANAGED_CHANNEL_SENDERS = "io.opentelemetry.exporter.sender.grpc.managedchannel.";

	/** One class of each library the OkHttp senders run on: OkHttp, Okio and the Kotlin standard library. */
	private static final List<String> OKHTTP_LIBRARIES = List.of("okhttp3.OkHttpClient", "okio.Buffer", "kotlin.Unit");

	private static final String GRPC_JAVA = "io.grpc.ManagedChannelBuilder";

	private static final String OTLP_EXPORTER = "io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter";

	private final List<String> grpcSenders;

	private final List<String> httpSenders;

	private final Predicate<String> classPresent;

	/**
	 * @param grpcSenders the gRPC sender providers the service files name
	 * @param httpSenders the HTTP sender providers the service files name
	 * @param classPresent whether a class of that name can be loaded
	 */
	OtlpSenders(List<String> grpcSenders, List<String> httpSenders, Predicate<String> classPresent) {
		this.grpcSenders = List.copyOf(grpcSenders);
		this.httpSenders = List.copyOf(httpSenders);
		this.classPresent = classPresent;
	}

	static OtlpSenders of(ClassLoader classLoader) {
		return new OtlpSenders(providers(classLoader, GRPC_SPI, OLD_GRPC_SPI),
				providers(classLoader, HTTP_SPI, OLD_HTTP_SPI), (name) -> isPresent(name, classLoader));
	}

	/** The gRPC sender providers the service files name, in classpath order. */
	List<String> grpcSenders() {
		return this.grpcSenders;
	}

	/** The HTTP sender providers the service files name, in classpath order. */
	List<String> httpSenders() {
		return this.httpSenders;
	}

	/** Whether the provider's library is on the classpath; a sender the starter does not know is trusted. */
	boolean canRun(String provider) {
		if (provider.startsWith(OKHTTP_SENDERS)) {
			return OKHTTP_LIBRARIES.stream().allMatch(this.classPresent);
		}
		if (provider.startsWith(MANAGED_CHANNEL_SENDERS)) {
			return this.classPresent.test(GRPC_JAVA);
		}
		return true;
	}

	/** Whether the OTLP exporter is on the classpath at all; without it there is nothing to check. */
	boolean exporterPresent() {
		return this.classPresent.test(OTLP_EXPORTER);
	}

	/** What keeps every gRPC sender from running, for the warning; {@code null} when one can run. */
	String grpcProblem() {
		if (this.grpcSenders.stream().anyMatch(this::canRun)) {
			return null;
		}
		if (this.grpcSenders.stream().anyMatch((provider) -> provider.startsWith(OKHTTP_SENDERS))) {
			return "OpenTelemetry's OkHttp sender is on the classpath without " + missingOkHttpLibraries();
		}
		return "no gRPC sender is on the classpath (neither OpenTelemetry's OkHttp sender nor its grpc-java one)";
	}

	/** What keeps every HTTP sender from running, for the warning; {@code null} when one can run. */
	String httpProblem() {
		if (this.httpSenders.stream().anyMatch(this::canRun)) {
			return null;
		}
		return "no HTTP sender is on the classpath (neither OpenTelemetry's OkHttp sender with OkHttp nor its JDK "
				+ "HttpClient one)";
	}

	private String missingOkHttpLibraries() {
		List<String> missing = new ArrayList<>();
		String[] names = { "OkHttp", "Okio", "the Kotlin standard library" };
		for (int i = 0; i < OKHTTP_LIBRARIES.size(); i++) {
			if (!this.classPresent.test(OKHTTP_LIBRARIES.get(i))) {
				missing.add(names[i]);
			}
		}
		return String.join(", ", missing);
	}

	/** The class names the service files of the SPI (under either name) list, each once, in classpath order. */
	private static List<String> providers(ClassLoader classLoader, String... spis) {
		Set<String> providers = new LinkedHashSet<>();
		for (String spi : spis) {
			try {
				Enumeration<URL> files = classLoader.getResources("META-INF/services/" + spi);
				while (files.hasMoreElements()) {
					providers.addAll(read(files.nextElement()));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the service files of " + spi, ex);
			}
		}
		return List.copyOf(providers);
	}

	/** The service file format: one class name a line, {@code #} starts a comment. */
	private static List<String> read(URL file) throws IOException {
		List<String> names = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				int comment = line.indexOf('#');
				String name = ((comment >= 0) ? line.substring(0, comment) : line).trim();
				if (!name.isEmpty()) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static boolean isPresent(String className, ClassLoader classLoader) {
		try {
			Class.forName(className, false, classLoader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
