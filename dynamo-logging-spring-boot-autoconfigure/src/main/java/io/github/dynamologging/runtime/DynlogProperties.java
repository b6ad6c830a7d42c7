package io.github.dynamologging.runtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Runtime level changes through the {@code dynlog} actuator endpoint (docs/runtime-control.md).
 */
@ConfigurationProperties("dynamo.logging.dynlog")
public class DynlogProperties {

	/**
	 * Whether the dynlog actuator endpoint, the check of its request bodies and the per-request rules exist.
	 * True: Boot's management.endpoints.web.exposure.* and management.endpoint.dynlog.access decide whether the
	 * endpoint is reachable, as for any endpoint. False: none of them, whatever those say. The limits below
	 * still apply to /actuator/loggers writes.
	 */
	private boolean enabled = true;

	/** How long a change stays when the request names no ttl. */
	private Duration defaultTtl = Duration.ofMinutes(10);

	/**
	 * The longest ttl a change may ask for. 0 means no maximum: a change may then also ask for ttl
	 * "permanent" and stay until the next change, a DELETE or a restart.
	 */
	private Duration maxTtl = Duration.ofHours(1);

	/**
	 * The longest logger name a change (through dynlog or /actuator/loggers) may name, in characters.
	 * Logback keeps every logger it was asked for until the process ends, so names are bounded.
	 */
	private int maxTargetLength = 256;

	/**
	 * The most parts ('.' or '$' separated) a logger name a change names may have; Logback creates a logger
	 * for each part that does not exist yet.
	 */
	private int maxTargetDepth = 32;

	/**
	 * How many loggers that did not exist before all changes (through dynlog or /actuator/loggers) may
	 * create over the process's life; a change past it is refused with 400. Logback never frees a logger.
	 */
	private int maxNewLoggers = 1000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

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

	public int getMaxTargetLength() {
		return this.maxTargetLength;
	}

	public void setMaxTargetLength(int maxTargetLength) {
		this.maxTargetLength = maxTargetLength;
	}

	public int getMaxTargetDepth() {
		return this.maxTargetDepth;
	}

	public void setMaxTargetDepth(int maxTargetDepth) {
		this.maxTargetDepth = maxTargetDepth;
	}

	public int getMaxNewLoggers() {
		return this.maxNewLoggers;
	}

	public void setMaxNewLoggers(int maxNewLoggers) {
		this.maxNewLoggers = maxNewLoggers;
	}

	/** The limits on what changes may add to the logger tree; fails naming the setting when one is out of range. */
	LoggerCreationLimits toLimits() {
		return new LoggerCreationLimits(this.maxTargetLength, this.maxTargetDepth, this.maxNewLoggers);
	}

	/** The rules these settings make; fails naming the setting when they contradict each other. */
	ChangeRules toRules() {
		return new ChangeRules(this.defaultTtl, this.maxTtl);
	}

}
