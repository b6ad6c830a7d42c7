package io.github.dynamologging.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One directive of the runtime change in force.
 * @param target the logger, {@code ROOT} for the root level
 * @param level the level it was set to, e.g. {@code debug}
 * @param expiresAt when it reverts (ISO-8601 instant), or {@code null} for a permanent change
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LevelOverride(String target, String level, @Nullable String expiresAt) {

}
