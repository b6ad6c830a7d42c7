package io.github.dynamologging.output;

import io.github.dynamologging.format.DynamoReadableEncoder;

import org.springframework.core.env.Environment;

/** Dynamo's readable lines, never coloured, in Boot's log file ({@code logging.structured.format.file}). */
public class DynamoReadableFileFormatter extends DynamoFileFormatter {

	public DynamoReadableFileFormatter(Environment environment) {
		this(properties(environment));
	}

	private DynamoReadableFileFormatter(OutputProperties properties) {
		super(encoder(properties), properties, false);
	}

	private static DynamoReadableEncoder encoder(OutputProperties properties) {
		DynamoReadableEncoder encoder = new DynamoReadableEncoder();
		encoder.setLocalTime(properties.isLocalTime());
		return encoder;
	}

}
