package io.github.dynamologging.output;

/** What the log file ({@code logging.file.name} or {@code logging.file.path}) holds. */
public enum FileFormat {

	/** Dynamo's readable lines, without colours. */
	READABLE,

	/** Dynamo's JSON lines, with the caller's {@code file} and {@code line}. */
	JSONL,

	/** Whatever Spring Boot writes there ({@code logging.pattern.file}, {@code logging.structured.format.file}). */
	BOOT

}
