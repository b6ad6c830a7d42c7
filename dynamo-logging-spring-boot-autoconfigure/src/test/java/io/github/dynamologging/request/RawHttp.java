package io.github.dynamologging.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
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

	/**
	 * Sends {@code GET path} with the given raw header lines; returns the response headers, lower-cased names.
	 * A server may answer a request it refuses (400, 414, 431) and close before reading all of it: the
	 * rest of the write then fails and the read may end in a reset, yet the answer already received is
	 * what the server said, so it is returned. Only when no answer arrived at all does the error escape.
	 */
	public static Map<String, String> get(int port, String path, byte[]... headerLines) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			try {
				send(socket.getOutputStream(), path, headerLines);
			}
			catch (IOException ex) {
				// The server stopped reading: its answer, if any, is waiting to be read.
			}
			return responseHeaders(socket.getInputStream());
		}
	}

	/**
	 * Sends {@code GET path} and goes away at once with a reset, as a client that gives up does, while the
	 * server is still working on the request.
	 */
	public static void abort(int port, String path, byte[]... headerLines) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			send(socket.getOutputStream(), path, headerLines);
			socket.setSoLinger(true, 0);
		}
	}

	private static void send(OutputStream out, String path, byte[]... headerLines) throws IOException {
		out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		for (byte[] line : headerLines) {
			out.write(line);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	public static byte[] header(String name, byte[] value) {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		line.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
		line.writeBytes(value);
		return line.toByteArray();
	}

	/** Everything the server sent; a reset after a whole response head counts as the end. */
	private static byte[] readUntilClosed(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				received.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			if (received.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") < 0) {
				throw ex;
			}
		}
		return received.toByteArray();
	}

	private static Map<String, String> responseHeaders(InputStream in) throws IOException {
		byte[] all = readUntilClosed(in);
		if (all.length == 0) {
			throw new SocketException("the server closed the connection without an answer");
		}
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
