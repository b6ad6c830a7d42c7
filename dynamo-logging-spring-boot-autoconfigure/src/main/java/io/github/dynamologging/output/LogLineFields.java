package io.github.dynamologging.output;

import java.util.Map;

/**
 * Fields every line carries, from the application's code (docs/configuration.md, "Extending the starter"):
 * declare beans of this type, and each line, in JSONL and READABLE, on the console and in the log file, carries
 * their fields beside those of {@code dynamo.logging.fields.*}. Asked once, when the application context has
 * created its singletons: the values are fixed from then on and cost a line nothing but their writing.
 * <p>
 * A name has 1 to 128 letters, digits, {@code .}, {@code _} and {@code -} and is none of the keys the starter
 * writes itself; a bad name, or one two beans both give, fails the start naming the bean. A name
 * {@code dynamo.logging.fields.*} gives too takes the property's value, so a deployment can override it.
 */
@FunctionalInterface
public interface LogLineFields {

	/**
	 * @return name to value; a {@code null} value is written as an empty string
	 */
	Map<String, String> fields();

}
