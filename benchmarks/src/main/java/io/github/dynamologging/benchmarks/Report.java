package io.github.dynamologging.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one JMH run's JSON results ({@code -rf json}) into the tables: encoders x shapes with the
 * ratio to LogstashEncoder from the same run, caller data net of the no-lookup baseline, the disabled
 * statement, and every target with its measured figure, met or missed. Used by {@code scripts/benchmarks}.
 */
public final class Report {

	private static final String[] ENCODERS = { "dynamo", "logstash", "boot-logstash", "boot-ecs", "log4j-template" };

	private static final Map<String, String> ENCODER_NAMES = Map.of("dynamo", "**dynamo (ours)**", "logstash",
			"LogstashEncoder", "boot-logstash", "Boot `logstash`", "boot-ecs", "Boot `ecs`", "log4j-template",
			"Log4j2 JSON Template Layout");

	private static final String[] SHAPES = { "plain", "mdc", "exception" };

	private final List<JsonNode> results = new ArrayList<>();

	private final List<String> targets = new ArrayList<>();

	private Report(JsonNode results) {
		results.forEach(this.results::add);
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: Report JMH_RESULTS.json (a JMH run with -rf json and -prof gc)");
			System.exit(2);
		}
		Locale.setDefault(Locale.ROOT);
		Report report = new Report(JsonMapper.shared().readTree(new File(args[0])));
		report.encoders();
		report.callerData();
		report.disabledStatement();
		report.targets();
	}

	private void encoders() {
		if (find("EncoderBenchmark", "encoder", "logstash", "shape", "plain") == null) {
			return;
		}
		table("Encoders (ns/op: JMH average ± 99.9% CI; B/op: gc.alloc.rate.norm)",
				"| shape | encoder | ns/op | ratio to LogstashEncoder | B/op |", "|---|---|---:|---:|---:|");
		for (String shape : SHAPES) {
			JsonNode baseline = find("EncoderBenchmark", "encoder", "logstash", "shape", shape);
			for (String encoder : ENCODERS) {
				JsonNode result = find("EncoderBenchmark", "encoder", encoder, "shape", shape);
				if (result != null) {
					System.out.printf("| %s | %s | %s | %.2fx | %,.0f |%n", shape, ENCODER_NAMES.get(encoder),
							score(result), ns(result) / ns(baseline), bytes(result));
				}
			}
		}
		for (String shape : SHAPES) {
			JsonNode ours = find("EncoderBenchmark", "encoder", "dynamo", "shape", shape);
			double ratio = ns(ours) / ns(find("EncoderBenchmark", "encoder", "logstash", "shape", shape));
			double limit = "exception".equals(shape) ? 0.5 : 0.6;
			target("ours ≤ %.1fx LogstashEncoder, %s".formatted(limit, shape), "%.2fx".formatted(ratio), ratio <= limit);
			for (String boot : List.of("boot-logstash", "boot-ecs")) {
				JsonNode other = find("EncoderBenchmark", "encoder", boot, "shape", shape);
				if (other != null) {
					target("never slower than Boot `%s`, %s".formatted(boot.substring(5), shape),
							"%.0f vs %.0f ns".formatted(ns(ours), ns(other)), ns(ours) <= ns(other));
				}
			}
		}
		JsonNode plain = find("EncoderBenchmark", "encoder", "dynamo", "shape", "plain");
		int line = plainLineLength();
		// The returned byte[] itself: a 16-byte header plus the line, rounded up to 8 bytes.
		long array = (16 + line + 7) / 8 * 8;
		double beyond = bytes(plain) - line;
		target("allocation beyond the output bytes ≤ 64 B/event, plain", "%.0f B/op − %d line bytes = %.0f B (the output array's header and padding alone: %d B)"
			.formatted(bytes(plain), line, beyond, array - line), beyond <= 64);
	}

	private void callerData() {
		if (find("CallerDataBenchmark", "caller", "none", "depth", "0") == null) {
			return;
		}
		table("Caller data (one log.info through a real Logback logger whose appender looks the caller up)",
				"| caller | depth | ns/op | net of `none` | B/op |", "|---|---|---:|---:|---:|");
		List<String> depths = new ArrayList<>();
		for (String depth : List.of("0", "100")) {
			if (find("CallerDataBenchmark", "caller", "none", "depth", depth) != null
					&& find("CallerDataBenchmark", "caller", "dynamo", "depth", depth) != null
					&& find("CallerDataBenchmark", "caller", "logback", "depth", depth) != null) {
				depths.add(depth);
			}
		}
		for (String depth : depths) {
			double none = ns(find("CallerDataBenchmark", "caller", "none", "depth", depth));
			for (String caller : List.of("none", "dynamo", "logback")) {
				JsonNode result = find("CallerDataBenchmark", "caller", caller, "depth", depth);
				System.out.printf("| %s | %s extra frames | %s | %s | %,.0f |%n", caller, depth, score(result),
						"none".equals(caller) ? "–" : "%,.0f".formatted(ns(result) - none), bytes(result));
			}
		}
		for (String depth : depths) {
			double none = ns(find("CallerDataBenchmark", "caller", "none", "depth", depth));
			double ratio = (ns(find("CallerDataBenchmark", "caller", "dynamo", "depth", depth)) - none)
					/ (ns(find("CallerDataBenchmark", "caller", "logback", "depth", depth)) - none);
			target("our caller data ≤ 0.5x Logback's, %s extra frames (%s)".formatted(depth,
					"0".equals(depth) ? "21 on the stack" : "121 on the stack"), "%.2fx".formatted(ratio), ratio <= 0.5);
		}
	}

	private void disabledStatement() {
		JsonNode starter = find("DisabledStatementBenchmark", "setup", "starter");
		JsonNode logback = find("DisabledStatementBenchmark", "setup", "logback");
		if (starter == null || logback == null) {
			return;
		}
		table("Disabled statement (log.debug on a logger at INFO)", "| setup | ns/op | B/op |", "|---|---:|---:|");
		System.out.printf("| starter | %s | %,.0f |%n", score(starter), bytes(starter));
		System.out.printf("| plain Logback | %s | %,.0f |%n", score(logback), bytes(logback));
		double ratio = ns(starter) / ns(logback);
		target("disabled statement within 10% of plain Logback", "%+.1f%%".formatted((ratio - 1) * 100),
				ratio <= 1.10);
		JsonNode rule = find("DisabledStatementBenchmark", "setup", "starter-rule");
		if (rule != null) {
			System.out.printf("| starter, one request rule matching nothing here | %s | %,.0f |%n", score(rule), bytes(rule));
			double extra = ns(rule) - ns(starter);
			target("disabled statement with a rule matching nothing at most 5 ns more", "%+.2f ns".formatted(extra),
					extra <= 5);
		}
	}

	private void targets() {
		table("Targets (microbenchmarks)", "| target | figure | |", "|---|---|---|");
		this.targets.forEach(System.out::println);
	}

	private static void table(String title, String header, String alignment) {
		System.out.printf("%n### %s%n%n%s%n%s%n", title, header, alignment);
	}

	private void target(String name, String figure, boolean met) {
		this.targets.add("| %s | %s | %s |".formatted(name, figure, met ? "met" : "**MISSED**"));
	}

	/** The result of {@code benchmark} (class simple name) with the given parameter values, or {@code null}. */
	private JsonNode find(String benchmark, String... params) {
		for (JsonNode result : this.results) {
			if (!result.get("benchmark").asString().contains("." + benchmark + ".")) {
				continue;
			}
			boolean matches = true;
			for (int i = 0; i < params.length; i += 2) {
				JsonNode value = result.path("params").get(params[i]);
				matches &= value != null && value.asString().equals(params[i + 1]);
			}
			if (matches) {
				return result;
			}
		}
		return null;
	}

	private static double ns(JsonNode result) {
		return number(result.get("primaryMetric").get("score"));
	}

	/** JMH writes a number, or the string {@code "NaN"} (e.g. the error of a single iteration). */
	private static double number(JsonNode value) {
		return value.isNumber() ? value.asDouble() : Double.parseDouble(value.asString());
	}

	private static String score(JsonNode result) {
		JsonNode metric = result.get("primaryMetric");
		double score = number(metric.get("score"));
		double error = number(metric.get("scoreError"));
		String format = (score < 10) ? "%.2f ± %.2f" : "%,.0f ± %,.0f";
		return Double.isNaN(error) ? format.substring(0, format.indexOf(' ')).formatted(score)
				: format.formatted(score, error);
	}

	private static double bytes(JsonNode result) {
		JsonNode norm = result.path("secondaryMetrics").get("gc.alloc.rate.norm");
		return (norm != null) ? number(norm.get("score")) : Double.NaN;
	}

	/** The length of our encoder's line for the plain event, {@code \n} included. */
	private static int plainLineLength() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.start();
		try {
			return EncoderBenchmark.encoder("dynamo", context).encode(Events.of("plain", context)).length;
		}
		finally {
			context.stop();
		}
	}

}
