package io.github.dynamologging.runtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Runtime level changes through the {@code dynlog} actuator endpoint (SPEC 8).
 */
@ConfigurationProperties("dynamo.logging.dynlog")
public class DynlogProperties {

	/** How long a change stays when the request names no ttl. */
	private Duration defaultTtl = Duration.ofMinutes(10);

	/**
	 * The longest ttl a change may ask for. 0 means no maximum: a change may then also ask for ttl
	 * "permanent" and stay until the next change, a DELETE or a restart.
	 */
	private Duration maxTtl = Duration.ofHours(1);

	public Duration getDefaultTtl() {
		return this.defaultTtl;
	}

	public void setDefaultTtl(Duration defaultTtl) {
		this.defaultTtl = defaultTtl;
	}

	public Duration getMaxTtl() {
		return this.maxTtl;
	}

	public void setMaxTtl(Duration maxTtl) {
		this.maxTtl = maxTtl;
	}

	/** The rules these settings make; fails naming the setting when they contradict each other. */
	ChangeRules toRules() {
		return new ChangeRules(this.defaultTtl, this.maxTtl);
	}

}
