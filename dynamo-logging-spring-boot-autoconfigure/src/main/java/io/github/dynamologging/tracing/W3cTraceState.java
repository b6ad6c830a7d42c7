package io.github.dynamologging.tracing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;

/**
 * The {@code tracestate} list as W3C Trace Context (section 3.3) defines it, read from every
 * {@code tracestate} header of a request: the headers are combined into one list, blanks around members
 * and empty members are skipped, and the list is accepted whole or not at all. More than 32 members, a
 * member without {@code =}, a key or value outside the grammar or over its length, or a key twice drop
 * the whole list. OpenTelemetry's own parser skips such members one by one and keeps the rest, and reads
 * only the first header.
 */
final class W3cTraceState {

	private static final int MAX_MEMBERS = 32;

	/** {@code simple-key} or {@code multi-tenant-key}: {@code tenant-id@system-id}. */
	private static final Pattern KEY = Pattern
		.compile("[a-z][a-z0-9_\\-*/]{0,255}|[a-z0-9][a-z0-9_\\-*/]{0,240}@[a-z][a-z0-9_\\-*/]{0,13}");

	/** Up to 256 printable ASCII characters but {@code ,} and {@code =}, not ending in a space. */
	private static final Pattern VALUE = Pattern
		.compile("[\\x20-\\x2B\\x2D-\\x3C\\x3E-\\x7E]{0,255}[\\x21-\\x2B\\x2D-\\x3C\\x3E-\\x7E]");

	private W3cTraceState() {
	}

	/**
	 * The list to continue with, as one header value ({@code key=value,key=value}), or {@code null} when
	 * there is none or it breaks a rule.
	 * @param headerValues the values of every {@code tracestate} header, in the order received
	 */
	static String accepted(List<String> headerValues) {
		List<String> members = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		TraceStateBuilder representable = TraceState.builder();
		for (String headerValue : headerValues) {
			for (String raw : headerValue.split(",", -1)) {
				String member = raw.strip();
				if (member.isEmpty()) {
					continue;
				}
				int equals = member.indexOf('=');
				if (members.size() == MAX_MEMBERS || equals < 0) {
					return null;
				}
				String key = member.substring(0, equals);
				String value = member.substring(equals + 1);
				if (!KEY.matcher(key).matches() || !VALUE.matcher(value).matches() || !keys.add(key)) {
					return null;
				}
				members.add(member);
				representable.put(key, value);
			}
		}
		// A list OpenTelemetry's TraceState would not hold whole (its key rules have differed from the
		// recommendation's in some versions) is dropped rather than passed on in part: what goes out is what
		// came in.
		if (members.isEmpty() || representable.build().size() != members.size()) {
			return null;
		}
		return String.join(",", members);
	}

}
