package io.github.dynamologging.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive HTTP/1.1 client over a socket: it sends header bytes that well-behaved clients
 * refuse to send (control characters, raw UTF-8, a header twice), as a hostile peer would.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends {@code GET path} with the given raw header lines; returns the response headers, lower-cased names. */
	public static Map<String, String> get(int port, String path, byte[]... headerLines) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			for (byte[] line : headerLines) {
				out.write(line);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return responseHeaders(socket.getInputStream());
		}
	}

	public static byte[] header(String name, byte[] value) {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		line.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
		line.writeBytes(value);
		return line.toByteArray();
	}

	private static Map<String, String> responseHeaders(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		String text = new String(all, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, (end < 0) ? text.length() : end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(":status", lines[0].split(" ")[1]);
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
		}
		return headers;
	}

}
