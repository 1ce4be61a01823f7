package cn.wenming.practice.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder a test can cut and restore, to make a server (MySQL) unreachable for one
 * application context without stopping it for everyone else: {@link #cut()} closes the listening
 * socket and every open connection; {@link #restore()} listens on the same port again.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	public TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		ServerSocket first = listen(0);
		this.port = first.getLocalPort();
		start(first);
	}

	public int port() {
		return this.port;
	}

	public synchronized void cut() throws IOException {
		ServerSocket current = this.server;
		this.server = null;
		if (current != null) {
			current.close();
		}
		for (Socket socket : this.open) {
			socket.close();
		}
		this.open.clear();
	}

	public synchronized void restore() throws IOException {
		if (this.server == null) {
			start(listen(this.port));
		}
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress("127.0.0.1", port));
		return socket;
	}

	private void start(ServerSocket socket) {
		this.server = socket;
		Thread acceptor = new Thread(() -> {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					Socket upstream = new Socket(this.targetHost, this.targetPort);
					this.open.add(client);
					this.open.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					// Closed by cut(), or the target refused: the client sees its connection fail.
				}
			}
		}, "tcp-proxy-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private static void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// One side closed.
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ignored) {
					// Already closed.
				}
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

}
