package io.github.dynamologging.runtime;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.dynamologging.rules.RequestRuleView;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What {@code GET /actuator/dynlog} answers, and every change too.
 * @param filter the effective filter: root level and every logger with a level of its own, read live
 * @param startupFilter the same at start
 * @param format the console format, {@code readable} or {@code jsonl}
 * @param overrides the directives of the change in force and when they expire
 * @param configSource the TOML file(s) whose levels applied, or {@code null}
 * @param configHash SHA-256 of those files' bytes, or {@code null}
 * @param requestRules the per-request rules in force, oldest first
 * @param warnings what a change's filter probably did not mean (a misspelt level), in the answer to a
 * change only: empty when nothing looked wrong, left out of the other answers
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DynlogDescriptor(String filter, String startupFilter, String format, List<LevelOverride> overrides,
		@Nullable String configSource, @Nullable String configHash, List<RequestRuleView> requestRules,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> warnings) implements OperationResponseBody {

	/** This answer with the warnings of the change it answers. */
	DynlogDescriptor withWarnings(List<String> warnings) {
		return new DynlogDescriptor(this.filter, this.startupFilter, this.format, this.overrides, this.configSource,
				this.configHash, this.requestRules, List.copyOf(warnings));
	}

}
