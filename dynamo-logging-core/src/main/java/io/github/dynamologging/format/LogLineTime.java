package io.github.dynamologging.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an event's instant the way Dynamo does: {@code 2025-09-02T15:53:31.943377Z} in UTC, or
 * {@code 2025-09-02T17:53:31.943377+02:00} in local time. Always exactly six fraction digits.
 * <p>
 * The part up to the seconds is cached per second, because events come in bursts within one second and
 * {@link DateTimeFormatter} is the expensive part.
 */
final class LogLineTime {

	/** Longest line time: {@code yyyy-MM-ddTHH:mm:ss.SSSSSS+HH:MM}. */
	public static final int MAX_LENGTH = 32;

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.");

	private final ZoneId zone;

	private final boolean utc;

	private volatile Second cached = new Second(Long.MIN_VALUE, new char[0], new char[0]);

	private LogLineTime(ZoneId zone, boolean utc) {
		this.zone = zone;
		this.utc = utc;
	}

	/** UTC with a {@code Z} suffix (Dynamo's default). */
	public static LogLineTime utc() {
		return new LogLineTime(ZoneOffset.UTC, true);
	}

	/** The JVM's default time zone with a {@code +HH:MM} offset ({@code DYN_LOG_USE_LOCAL_TZ}). */
	public static LogLineTime local() {
		return inZone(ZoneId.systemDefault());
	}

	/** The given zone with a {@code +HH:MM} offset, even when the offset is zero. */
	public static LogLineTime inZone(ZoneId zone) {
		return new LogLineTime(zone, false);
	}

	/** Time in UTC or local time, as a setting says. */
	public static LogLineTime of(boolean localTime) {
		return localTime ? local() : utc();
	}

	/**
	 * Writes the time into {@code buffer} (at least {@link #MAX_LENGTH} long) from index 0.
	 * @return the number of chars written
	 */
	public int write(Instant instant, char[] buffer) {
		Second second = secondOf(instant.getEpochSecond());
		char[] prefix = second.prefix;
		System.arraycopy(prefix, 0, buffer, 0, prefix.length);
		int at = prefix.length;
		int micros = instant.getNano() / 1000;
		for (int i = 5; i >= 0; i--) {
			buffer[at + i] = (char) ('0' + micros % 10);
			micros /= 10;
		}
		at += 6;
		char[] suffix = second.suffix;
		System.arraycopy(suffix, 0, buffer, at, suffix.length);
		return at + suffix.length;
	}

	/** The time as a string; for tests and the readable format. */
	public String format(Instant instant) {
		char[] buffer = new char[MAX_LENGTH];
		return new String(buffer, 0, write(instant, buffer));
	}

	private Second secondOf(long epochSecond) {
		Second second = this.cached;
		if (second.epochSecond != epochSecond) {
			second = computeSecond(epochSecond);
			this.cached = second;
		}
		return second;
	}

	private Second computeSecond(long epochSecond) {
		Instant start = Instant.ofEpochSecond(epochSecond);
		ZoneOffset offset = this.zone.getRules().getOffset(start);
		LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
		String suffix = this.utc ? "Z" : offsetText(offset);
		return new Second(epochSecond, SECONDS.format(local).toCharArray(), suffix.toCharArray());
	}

	/** {@code +HH:MM}; seconds in an offset (historic zones only) are dropped, as chrono's {@code %:z} does. */
	private static String offsetText(ZoneOffset offset) {
		int total = offset.getTotalSeconds();
		char sign = (total < 0) ? '-' : '+';
		int abs = Math.abs(total);
		return String.format("%c%02d:%02d", sign, abs / 3600, (abs / 60) % 60);
	}

	private record Second(long epochSecond, char[] prefix, char[] suffix) {
	}

}
