package io.github.dynamologging.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The rules of the W3C Trace Context recommendation (https://www.w3.org/TR/trace-context/, sections 3.2
 * traceparent and 3.3 tracestate), one case each: the header lines a client sends, and whether the
 * server continues the trace and with which tracestate. Shared by both web stacks' integration tests.
 */
final class W3cTraceContextCases {

	static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	static final String PARENT_ID = "b7ad6b7169203331";

	static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

	private W3cTraceContextCases() {
	}

	/**
	 * @param rule what the recommendation says
	 * @param headers header lines as {@code name: value}
	 * @param continues whether the trace {@link #TRACE_ID} is continued
	 * @param tracestate the tracestate the server's lines carry, {@code null} for none
	 */
	record Case(String rule, List<String> headers, boolean continues, String tracestate) {

		byte[][] headerLines() {
			return this.headers.stream().map((line) -> line.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
		}

		@Override
		public String toString() {
			return this.rule;
		}

	}

	static Stream<Arguments> cases() {
		List<Case> cases = new ArrayList<>();
		// 3.2 traceparent
		cases.add(new Case("3.2 a valid traceparent is continued", List.of(tp(TRACEPARENT)), true, null));
		cases.add(new Case("3.2 the header name is case-insensitive", List.of("TraceParent: " + TRACEPARENT), true, null));
		cases.add(new Case("3.2.2.1 version ff is invalid: new trace", List.of(tp("ff" + TRACEPARENT.substring(2))), false, null));
		cases.add(new Case("3.2.2.1 version 00 with more fields is invalid: new trace", List.of(tp(TRACEPARENT + "-00")),
				false, null));
		cases.add(new Case("3.2.4 a higher version is parsed by its first four fields",
				List.of(tp("cc" + TRACEPARENT.substring(2) + "-what-the-future-holds")), true, null));
		cases.add(new Case("3.2.2.3 an upper-case trace-id is invalid: new trace",
				List.of(tp("00-" + TRACE_ID.toUpperCase() + "-" + PARENT_ID + "-01")), false, null));
		cases.add(new Case("3.2.2.3 an all-zero trace-id is invalid: new trace",
				List.of(tp("00-" + "0".repeat(32) + "-" + PARENT_ID + "-01")), false, null));
		cases.add(new Case("3.2.2.4 an all-zero parent-id is invalid: new trace",
				List.of(tp("00-" + TRACE_ID + "-" + "0".repeat(16) + "-01")), false, null));
		cases.add(new Case("3.2.2.5 non-hex trace-flags are invalid: new trace",
				List.of(tp("00-" + TRACE_ID + "-" + PARENT_ID + "-0g")), false, null));
		cases.add(new Case("3.2 a trace-id one digit short is invalid: new trace",
				List.of(tp("00-" + TRACE_ID.substring(1) + "-" + PARENT_ID + "-01")), false, null));
		cases.add(new Case("3.2 traceparent sent twice, same value: new trace", List.of(tp(TRACEPARENT), tp(TRACEPARENT)),
				false, null));
		cases.add(new Case("3.2 traceparent sent twice, different values: new trace",
				List.of(tp(TRACEPARENT), tp("00-" + "1".repeat(32) + "-" + PARENT_ID + "-01")), false, null));
		cases.add(new Case("3.3 tracestate without traceparent is ignored", List.of(ts("foo=1")), false, null));
		cases.add(new Case("3.3 tracestate is not read when traceparent is invalid",
				List.of(tp("ff" + TRACEPARENT.substring(2)), ts("foo=1")), false, null));
		// 3.3 tracestate, always with a valid traceparent, which is continued whatever becomes of the state
		cases.add(state("3.3 a valid tracestate is kept in order", "foo=1,bar=2", "foo=1,bar=2"));
		cases.add(new Case("3.3 several tracestate headers are combined into one list",
				List.of(tp(TRACEPARENT), ts("foo=1"), ts("bar=2,baz=3")), true, "foo=1,bar=2,baz=3"));
		cases.add(state("3.3.1 blanks around list members are skipped", " foo=1 ,\tbar=2\t", "foo=1,bar=2"));
		cases.add(state("3.3.1 empty list members are skipped", "foo=1,,, ,bar=2,", "foo=1,bar=2"));
		cases.add(state("3.3.1 32 list members are allowed", members(32), members(32)));
		cases.add(state("3.3.1 more than 32 list members: dropped whole", members(33), null));
		cases.add(new Case("3.3.1 more than 32 list members over several headers: dropped whole",
				List.of(tp(TRACEPARENT), ts(members(20)), ts(members(13).replace("k", "m"))), true, null));
		cases.add(state("3.3.1 a member without '=': dropped whole", "foo=1,bar", null));
		cases.add(state("3.3.1.3.1 a duplicated key: dropped whole", "foo=1,foo=2", null));
		cases.add(new Case("3.3.1.3.1 a key duplicated across headers: dropped whole",
				List.of(tp(TRACEPARENT), ts("foo=1"), ts("foo=1")), true, null));
		cases.add(state("3.3.1.3.1 an upper-case key: dropped whole", "foo=1,Bar=2", null));
		cases.add(state("3.3.1.3.1 a key starting with a digit (not multi-tenant): dropped whole", "1foo=1", null));
		cases.add(state("3.3.1.3.1 a key of 256 characters is allowed", "k".repeat(256) + "=1", "k".repeat(256) + "=1"));
		cases.add(state("3.3.1.3.1 a key of 257 characters: dropped whole", "k".repeat(257) + "=1", null));
		cases.add(state("3.3.1.3.1 a multi-tenant key is allowed", "0tenant@vendor=1", "0tenant@vendor=1"));
		cases.add(state("3.3.1.3.1 a key with two '@': dropped whole", "a@b@c=1", null));
		cases.add(state("3.3.1.3.1 a system-id starting with a digit: dropped whole", "tenant@1vendor=1", null));
		cases.add(state("3.3.1.3.2 a value of 256 characters is allowed", "foo=" + "v".repeat(256), "foo=" + "v".repeat(256)));
		cases.add(state("3.3.1.3.2 a value of 257 characters: dropped whole", "foo=" + "v".repeat(257), null));
		cases.add(state("3.3.1.3.2 an empty value: dropped whole", "foo=", null));
		cases.add(state("3.3.1.3.2 a value with '=': dropped whole", "foo=a=b", null));
		cases.add(state("3.3.1.3.2 a value with spaces inside is allowed", "foo=a b", "foo=a b"));
		return cases.stream().map(Arguments::of);
	}

	private static Case state(String rule, String tracestate, String expected) {
		return new Case(rule, List.of(tp(TRACEPARENT), ts(tracestate)), true, expected);
	}

	private static String tp(String value) {
		return "traceparent: " + value;
	}

	private static String ts(String value) {
		return "tracestate: " + value;
	}

	/** {@code k0=0,k1=1,...}: n distinct members. */
	static String members(int n) {
		return IntStream.range(0, n).mapToObj((i) -> "k" + i + "=" + i).collect(Collectors.joining(","));
	}

}
