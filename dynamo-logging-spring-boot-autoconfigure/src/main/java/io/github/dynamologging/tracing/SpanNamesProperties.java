package io.github.dynamologging.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How exported HTTP spans are named (docs/requests-and-traces.md). */
@ConfigurationProperties("dynamo.logging.tracing")
public class SpanNamesProperties {

	/**
	 * Names of exported HTTP spans: 'dynamo' gives server spans 'http-request' and client spans
	 * 'client_request' (Dynamo's names, which its Tempo searches use) and keeps Micrometer's name in the
	 * attribute 'micrometer.span_name'; 'micrometer' keeps Micrometer's names ('http get /hello').
	 */
	private Naming spanNames = Naming.DYNAMO;

	public Naming getSpanNames() {
		return this.spanNames;
	}

	public void setSpanNames(Naming spanNames) {
		this.spanNames = spanNames;
	}

	/** Whose names exported HTTP spans get. */
	public enum Naming {

		/** {@code http-request} and {@code client_request}. */
		DYNAMO,

		/** Micrometer's: {@code http get /hello}. */
		MICROMETER

	}

}
