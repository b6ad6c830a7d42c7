package io.github.dynamologging.export;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which OTLP senders can run, from the service files and the libraries present. */
class OtlpSendersTests {

	static final String OKHTTP_GRPC = "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpGrpcSenderProvider";

	static final String OKHTTP_HTTP = "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider";

	static final String JDK_HTTP = "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

	static final String MANAGED_CHANNEL_GRPC = "io.opentelemetry.exporter.sender.grpc.managedchannel.internal."
			+ "UpstreamGrpcSenderProvider";

	static final Set<String> OKHTTP_LIBRARIES = Set.of("okhttp3.OkHttpClient", "okio.Buffer", "kotlin.Unit");

	static final String EXPORTER = "io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter";

	/** What the starter brings: OkHttp's senders for both transports and the JDK's for http/protobuf. */
	static OtlpSenders starterSenders(Set<String> presentClasses) {
		return new OtlpSenders(List.of(OKHTTP_GRPC), List.of(OKHTTP_HTTP, JDK_HTTP), presentClasses::contains);
	}

	static Set<String> with(Set<String> classes, String... more) {
		Set<String> all = new HashSet<>(classes);
		all.addAll(List.of(more));
		return all;
	}

	@Test
	void theTestClasspathHasTheStartersSendersAndTheirLibraries() {
		OtlpSenders senders = OtlpSenders.of(getClass().getClassLoader());
		assertThat(senders.grpcSenders()).containsExactly(OKHTTP_GRPC);
		assertThat(senders.httpSenders()).containsExactlyInAnyOrder(OKHTTP_HTTP, JDK_HTTP);
		assertThat(senders.exporterPresent()).isTrue();
		assertThat(senders.grpcProblem()).isNull();
		assertThat(senders.httpProblem()).isNull();
	}

	@Test
	void withOkHttpEveryTransportHasASender() {
		OtlpSenders senders = starterSenders(with(OKHTTP_LIBRARIES, EXPORTER));
		assertThat(senders.canRun(OKHTTP_GRPC)).isTrue();
		assertThat(senders.grpcProblem()).isNull();
		assertThat(senders.httpProblem()).isNull();
	}

	@Test
	void okHttpExcludedLeavesItsSenderListedButUnableToRunAndHttpToTheJdk() {
		OtlpSenders senders = starterSenders(Set.of(EXPORTER));
		assertThat(senders.canRun(OKHTTP_HTTP)).isFalse();
		assertThat(senders.canRun(JDK_HTTP)).isTrue();
		assertThat(senders.grpcProblem()).isEqualTo("OpenTelemetry's OkHttp sender is on the classpath without "
				+ "OkHttp, Okio, the Kotlin standard library");
		assertThat(senders.httpProblem()).isNull();
	}

	@Test
	void aMissingLibraryIsNamedAlone() {
		OtlpSenders senders = starterSenders(Set.of(EXPORTER, "okhttp3.OkHttpClient", "okio.Buffer"));
		assertThat(senders.grpcProblem())
			.isEqualTo("OpenTelemetry's OkHttp sender is on the classpath without the Kotlin standard library");
	}

	@Test
	void theOkHttpSenderExcludedWithItsLibrariesLeavesNoGrpcSender() {
		OtlpSenders senders = new OtlpSenders(List.of(), List.of(JDK_HTTP), Set.of(EXPORTER)::contains);
		assertThat(senders.grpcProblem()).isEqualTo("no gRPC sender is on the classpath (neither OpenTelemetry's "
				+ "OkHttp sender nor its grpc-java one)");
		assertThat(senders.httpProblem()).isNull();
	}

	@Test
	void grpcJavasSenderRunsWhereGrpcJavaIs() {
		List<String> grpc = List.of(OKHTTP_GRPC, MANAGED_CHANNEL_GRPC);
		assertThat(new OtlpSenders(grpc, List.of(JDK_HTTP), Set.of("io.grpc.ManagedChannelBuilder")::contains)
			.grpcProblem()).isNull();
		assertThat(new OtlpSenders(grpc, List.of(JDK_HTTP), Set.<String>of()::contains).grpcProblem())
			.startsWith("OpenTelemetry's OkHttp sender is on the classpath without OkHttp");
	}

	@Test
	void noHttpSenderIsSaid() {
		OtlpSenders senders = new OtlpSenders(List.of(OKHTTP_GRPC), List.of(OKHTTP_HTTP), Set.of(EXPORTER)::contains);
		assertThat(senders.httpProblem()).isEqualTo("no HTTP sender is on the classpath (neither OpenTelemetry's "
				+ "OkHttp sender with OkHttp nor its JDK HttpClient one)");
	}

	@Test
	void aSenderTheStarterDoesNotKnowIsTrusted() {
		OtlpSenders senders = new OtlpSenders(List.of("com.example.NettyGrpcSenderProvider"), List.of(),
				Set.<String>of()::contains);
		assertThat(senders.grpcProblem()).isNull();
	}

}
