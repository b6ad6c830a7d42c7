package io.github.dynamologging.output;

import io.github.dynamologging.format.DynamoJsonlEncoder;

import org.springframework.core.env.Environment;

/** Dynamo's JSON lines in Boot's log file ({@code logging.structured.format.file} names this class). */
public class DynamoJsonlFileFormatter extends DynamoFileFormatter {

	public DynamoJsonlFileFormatter(Environment environment) {
		this(properties(environment));
	}

	private DynamoJsonlFileFormatter(OutputProperties properties) {
		super(encoder(properties), properties, properties.isCallerData());
	}

	private static DynamoJsonlEncoder encoder(OutputProperties properties) {
		DynamoJsonlEncoder encoder = new DynamoJsonlEncoder();
		encoder.setLocalTime(properties.isLocalTime());
		encoder.setCallerData(properties.isCallerData());
		return encoder;
	}

}
