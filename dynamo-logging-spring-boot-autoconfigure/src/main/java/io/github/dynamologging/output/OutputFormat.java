package io.github.dynamologging.output;

/** How console lines look. */
public enum OutputFormat {

	/** {@code <time> <LEVEL> [<span>: ]<target>: <message> key=value}, for people (SPEC 4.2). */
	READABLE,

	/** One JSON object per line with Dynamo's keys, for log pipelines (SPEC 4.1). */
	JSONL

}
