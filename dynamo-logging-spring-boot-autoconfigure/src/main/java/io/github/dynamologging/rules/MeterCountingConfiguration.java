package io.github.dynamologging.rules;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Counts baggage rule entries in the application's meter registry, when Micrometer is there. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class MeterCountingConfiguration {

	@Bean
	BaggageEntryCounts dynamoRuleBaggageCounts(ObjectProvider<MeterRegistry> registry) {
		return new BaggageEntryCounts((reason) -> registry
			.ifAvailable((meters) -> meters.counter(BaggageEntryCounts.METER, "reason", reason).increment()));
	}

}
