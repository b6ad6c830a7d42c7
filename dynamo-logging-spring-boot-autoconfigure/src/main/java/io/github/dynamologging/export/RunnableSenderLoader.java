package io.github.dynamologging.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

import io.opentelemetry.common.ComponentLoader;

/**
 * What the OTLP exporters Boot builds load their sender with: only the senders that can run
 * ({@link OtlpSenders#canRun}), so an excluded OkHttp is never tried, and of several that can run, one:
 * OkHttp's, else the JDK's, else the first other. OpenTelemetry itself would take whichever its hash map
 * holds first and log a warning for each exporter; the starter brings both OkHttp's sender and the JDK's, so
 * that excluding OkHttp keeps http/protobuf working, and with both present the choice stays OkHttp, as it was
 * before. Where OpenTelemetry's own choice is set ({@code io.opentelemetry.sdk.common.export.HttpSenderProvider}
 * or {@code ...GrpcSenderProvider}, as a system property or environment variable), every sender that can run
 * is offered, and OpenTelemetry picks the one named. Every other service is loaded as OpenTelemetry would.
 */
final class RunnableSenderLoader implements ComponentLoader {

	/** The sender services, each with the properties that choose among its senders (current name first). */
	private static final Map<String, List<String>> CHOICE_PROPERTIES = Map.of(OtlpSenders.GRPC_SPI,
			List.of(OtlpSenders.GRPC_SPI, OtlpSenders.OLD_GRPC_SPI), OtlpSenders.HTTP_SPI,
			List.of(OtlpSenders.HTTP_SPI, OtlpSenders.OLD_HTTP_SPI), OtlpSenders.OLD_GRPC_SPI,
			List.of(OtlpSenders.OLD_GRPC_SPI), OtlpSenders.OLD_HTTP_SPI, List.of(OtlpSenders.OLD_HTTP_SPI));

	private final OtlpSenders senders;

	private final ClassLoader classLoader;

	private final Function<String, String> configuration;

	/**
	 * @param senders which senders can run
	 * @param classLoader where the services are looked up (OpenTelemetry's own class loader)
	 * @param configuration a system property or environment variable by OpenTelemetry's property name
	 */
	RunnableSenderLoader(OtlpSenders senders, ClassLoader classLoader, Function<String, String> configuration) {
		this.senders = senders;
		this.classLoader = classLoader;
		this.configuration = configuration;
	}

	static RunnableSenderLoader of(ClassLoader classLoader) {
		return new RunnableSenderLoader(OtlpSenders.of(classLoader), classLoader,
				RunnableSenderLoader::systemPropertyOrVariable);
	}

	@Override
	public <T> Iterable<T> load(Class<T> spiClass) {
		List<String> choiceProperties = CHOICE_PROPERTIES.get(spiClass.getName());
		if (choiceProperties == null) {
			return ServiceLoader.load(spiClass, this.classLoader);
		}
		List<ServiceLoader.Provider<T>> runnable = runnable(spiClass);
		boolean chosen = choiceProperties.stream()
			.map(this.configuration)
			.anyMatch((value) -> value != null && !value.isBlank());
		if (chosen || runnable.size() <= 1) {
			return runnable.stream().map(ServiceLoader.Provider::get).toList();
		}
		ServiceLoader.Provider<T> first = runnable.stream()
			.min(Comparator.comparingInt((provider) -> rank(provider.type().getName())))
			.orElseThrow();
		return List.of(first.get());
	}

	/** The providers whose libraries are present, none of them instantiated yet. */
	private <T> List<ServiceLoader.Provider<T>> runnable(Class<T> spiClass) {
		List<ServiceLoader.Provider<T>> runnable = new ArrayList<>();
		Iterator<ServiceLoader.Provider<T>> providers = ServiceLoader.load(spiClass, this.classLoader)
			.stream()
			.iterator();
		while (true) {
			ServiceLoader.Provider<T> provider;
			try {
				if (!providers.hasNext()) {
					return runnable;
				}
				provider = providers.next();
			}
			catch (ServiceConfigurationError ex) {
				// A listed class that cannot even be loaded: skipped, as it could not send either.
				continue;
			}
			if (this.senders.canRun(provider.type().getName())) {
				runnable.add(provider);
			}
		}
	}

	private static int rank(String provider) {
		if (provider.startsWith(OtlpSenders.OKHTTP_SENDERS)) {
			return 0;
		}
		return provider.startsWith(OtlpSenders.JDK_SENDERS) ? 1 : 2;
	}

	@Override
	public String toString() {
		return "RunnableSenderLoader{senders that can run, OkHttp's first}";
	}

	/** As OpenTelemetry reads its settings: the system property, else the variable in upper case with '_'. */
	private static String systemPropertyOrVariable(String name) {
		String value = System.getProperty(name);
		if (value != null) {
			return value;
		}
		return System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
	}

}
