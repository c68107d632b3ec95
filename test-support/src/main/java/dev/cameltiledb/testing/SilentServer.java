package dev.cameltiledb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that accepts connections, reads what comes and never answers: a request to it hangs until the
 * client gives up or aborts it, and the server sees which. For tests of cancellation and deadlines.
 */
public final class SilentServer implements AutoCloseable {

    private final CountDownLatch requestArrived = new CountDownLatch(1);
    private final CountDownLatch connectionClosed = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket socket;

    public SilentServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Counted down when the first bytes of a request arrive. */
    public CountDownLatch requestArrived() {
        return requestArrived;
    }

    /** Counted down when a client closes (or resets) a connection it had opened. */
    public CountDownLatch connectionClosed() {
        return connectionClosed;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void serve() {
        try {
            while (true) {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                Thread reader = new Thread(() -> read(connection), "silent-reader");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException closed) {
            // the server was closed: the test is over
        }
    }

    private void read(Socket connection) {
        try (connection;
                InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                requestArrived.countDown();
            }
            connectionClosed.countDown(); // the client closed its end
        } catch (IOException reset) {
            connectionClosed.countDown(); // or reset it
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
