package io.github.dynamologging.export;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import io.opentelemetry.sdk.common.export.GrpcSenderProvider;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import org.junit.jupiter.api.Test;

import static io.github.dynamologging.export.OtlpSendersTests.EXPORTER;
import static io.github.dynamologging.export.OtlpSendersTests.JDK_HTTP;
import static io.github.dynamologging.export.OtlpSendersTests.OKHTTP_GRPC;
import static io.github.dynamologging.export.OtlpSendersTests.OKHTTP_HTTP;
import static io.github.dynamologging.export.OtlpSendersTests.OKHTTP_LIBRARIES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The senders the exporters get, loaded for real from the test classpath (OkHttp's and the JDK's senders),
 * with OkHttp's libraries present or, through the presence check, taken away.
 */
class RunnableSenderLoaderTests {

	private final ClassLoader classLoader = getClass().getClassLoader();

	private RunnableSenderLoader loader(Set<String> presentClasses, Map<String, String> configuration) {
		OtlpSenders senders = OtlpSenders.of(this.classLoader);
		return new RunnableSenderLoader(
				new OtlpSenders(senders.grpcSenders(), senders.httpSenders(), presentClasses::contains),
				this.classLoader, configuration::get);
	}

	private static List<String> names(Iterable<?> providers) {
		return StreamSupport.stream(providers.spliterator(), false).map((each) -> each.getClass().getName()).toList();
	}

	@Test
	void withOkHttpPresentOkHttpsSenderIsTheOneOfferedForHttp() {
		RunnableSenderLoader loader = loader(OtlpSendersTests.with(OKHTTP_LIBRARIES, EXPORTER), Map.of());
		assertThat(names(loader.load(HttpSenderProvider.class))).containsExactly(OKHTTP_HTTP);
		assertThat(names(loader.load(GrpcSenderProvider.class))).containsExactly(OKHTTP_GRPC);
	}

	@Test
	void withOkHttpGoneHttpGoesThroughTheJdkAndGrpcHasNoSender() {
		RunnableSenderLoader loader = loader(Set.of(EXPORTER), Map.of());
		assertThat(names(loader.load(HttpSenderProvider.class))).containsExactly(JDK_HTTP);
		assertThat(loader.load(GrpcSenderProvider.class)).isEmpty();
	}

	@Test
	void openTelemetrysOwnChoiceGetsEverySenderThatCanRun() {
		RunnableSenderLoader loader = loader(OtlpSendersTests.with(OKHTTP_LIBRARIES, EXPORTER),
				Map.of("io.opentelemetry.sdk.common.export.HttpSenderProvider", JDK_HTTP));
		assertThat(names(loader.load(HttpSenderProvider.class))).containsExactlyInAnyOrder(OKHTTP_HTTP, JDK_HTTP);
	}

	@Test
	void theRealLoaderOnTheTestClasspathKeepsOkHttp() {
		assertThat(names(RunnableSenderLoader.of(this.classLoader).load(HttpSenderProvider.class)))
			.containsExactly(OKHTTP_HTTP);
	}

}
