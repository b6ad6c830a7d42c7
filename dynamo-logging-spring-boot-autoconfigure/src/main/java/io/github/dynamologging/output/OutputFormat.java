package io.github.dynamologging.output;

/** How console lines look. */
public enum OutputFormat {

	/** {@code <time> <LEVEL> [<span>: ]<target>: <message> key=value}, for people (docs/output.md). */
	READABLE,

	/** One JSON object per line with Dynamo's keys, for log pipelines (docs/output.md). */
	JSONL

}
