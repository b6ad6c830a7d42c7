package io.github.dynamologging.runtime;

import java.util.List;

/**
 * The levels at one moment, read from Logback under the controller's lock.
 * @param filter the effective filter: the root level and every logger with a level of its own
 * @param startupFilter the same, as it was when the controller started
 * @param overrides the directives of the runtime change in force, empty when there is none
 */
public record LevelState(String filter, String startupFilter, List<LevelOverride> overrides) {

	public LevelState {
		overrides = List.copyOf(overrides);
	}

}
