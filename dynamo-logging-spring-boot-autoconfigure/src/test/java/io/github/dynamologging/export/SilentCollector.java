package io.github.dynamologging.export;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A collector that hangs: it accepts connections and never answers, whatever the transport. */
final class SilentCollector implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	SilentCollector() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "silent-collector");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	int connections() {
		return this.held.size();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				this.held.add(this.server.accept());
			}
			catch (IOException ex) {
				// Closed: the test is over.
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

}
