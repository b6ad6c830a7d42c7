package io.github.dynamologging.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Command line for {@link LogLineValidator}: checks captured JSONL logs, prints
 * {@code PATH:LINE: rule: detail} for every problem and {@code N lines: N valid, N invalid} at the end.
 * Exit code {@value #ALL_VALID} when every line is valid, {@value #SOME_INVALID} when any is not,
 * {@value #USAGE_OR_INPUT_ERROR} on a usage error or an input that cannot be read.
 */
public final class LogLineValidatorCommand {

	public static final int ALL_VALID = 0;

	public static final int SOME_INVALID = 1;

	public static final int USAGE_OR_INPUT_ERROR = 2;

	static final String NAME = "validate-jsonl";

	static final String STANDARD_INPUT = "-";

	static final String USAGE = """
			usage: validate-jsonl [--no-caller-data] [--quiet] FILE...
			Checks that every line of each FILE (- for standard input) is a JSONL log line as Dynamo writes it.
			  --no-caller-data  also accept lines without file and line (dynamo.logging.caller-data=false)
			  --quiet           print only the closing summary, not one line per problem
			Exit code: 0 all lines valid, 1 some line invalid, 2 usage error or unreadable input.""";

	private LogLineValidatorCommand() {
	}

	public static void main(String[] args) {
		int exitCode = run(args, System.in, System.out, System.err);
		// Return normally on success so that a host such as `mvn exec:java` finishes its own way.
		if (exitCode != ALL_VALID) {
			System.exit(exitCode);
		}
	}

	/**
	 * Runs the command in-process.
	 * @param args the command-line arguments
	 * @param stdin what {@code -} reads
	 * @param out receives the problem lines and the summary
	 * @param err receives usage and input errors
	 * @return the exit code
	 */
	public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
		boolean callerDataOptional = false;
		boolean quiet = false;
		boolean optionsEnded = false;
		List<String> inputs = new ArrayList<>();
		for (String arg : args) {
			if (optionsEnded || arg.equals(STANDARD_INPUT) || !arg.startsWith("-")) {
				inputs.add(arg);
			}
			else if (arg.equals("--")) {
				optionsEnded = true;
			}
			else if (arg.equals("--no-caller-data")) {
				callerDataOptional = true;
			}
			else if (arg.equals("--quiet")) {
				quiet = true;
			}
			else if (arg.equals("--help") || arg.equals("-h")) {
				out.println(USAGE);
				return ALL_VALID;
			}
			else {
				return usageError(err, "unknown option '" + arg + "'");
			}
		}
		if (inputs.isEmpty()) {
			return usageError(err, "no input: name one or more JSONL files, or - for standard input");
		}
		if (inputs.stream().filter(STANDARD_INPUT::equals).count() > 1) {
			return usageError(err, "standard input (-) can be read only once");
		}
		LogLineValidator validator;
		try {
			validator = callerDataOptional ? LogLineValidator.callerDataOptional() : LogLineValidator.strict();
		}
		catch (LinkageError ex) {
			// Missing dependencies or an unreadable schema surface here, at class initialisation.
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			err.println(NAME + ": cannot load the log line schema: " + cause
					+ " (needs com.networknt:json-schema-validator and jackson-databind on the classpath)");
			return USAGE_OR_INPUT_ERROR;
		}
		boolean printProblems = !quiet;
		ValidationSummary total = new ValidationSummary(0, 0);
		boolean inputFailed = false;
		for (String input : inputs) {
			String displayName = input.equals(STANDARD_INPUT) ? "<stdin>" : input;
			try {
				total = total.plus(validate(validator, input, stdin, (problem) -> {
					if (printProblems) {
						out.println(displayName + ":" + problem);
					}
				}));
			}
			catch (IOException ex) {
				err.println(NAME + ": cannot read " + displayName + ": " + reason(ex));
				inputFailed = true;
			}
			catch (InvalidPathException ex) {
				err.println(NAME + ": cannot read " + displayName + ": not a valid path (" + ex.getReason() + ")");
				inputFailed = true;
			}
			catch (RuntimeException ex) {
				// A bug of the validator, not of the log: say so in one line, keep the exit code apart.
				err.println(NAME + ": internal error while checking " + displayName + ": " + ex);
				inputFailed = true;
			}
		}
		out.println(total);
		if (inputFailed) {
			return USAGE_OR_INPUT_ERROR;
		}
		return total.allValid() ? ALL_VALID : SOME_INVALID;
	}

	private static ValidationSummary validate(LogLineValidator validator, String input, InputStream stdin,
			Consumer<LineProblem> problemSink) throws IOException {
		if (input.equals(STANDARD_INPUT)) {
			return validator.validate(stdin, problemSink);
		}
		try (InputStream in = Files.newInputStream(Path.of(input))) {
			return validator.validate(in, problemSink);
		}
	}

	private static int usageError(PrintStream err, String message) {
		err.println(NAME + ": " + message);
		err.println(USAGE);
		return USAGE_OR_INPUT_ERROR;
	}

	private static String reason(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
