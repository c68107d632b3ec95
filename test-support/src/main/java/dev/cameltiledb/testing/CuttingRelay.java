package dev.cameltiledb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback relay in front of a server that can drop a connection part-way through a request or an answer, as a
 * network failing mid-transfer does: armed with {@link #cutAnswerAfter} (or {@link #cutRequestAfter}), it lets that
 * many more bytes through in that direction, on whichever connection carries them, then closes that connection and
 * disarms. Everything else is copied through untouched.
 */
public final class CuttingRelay implements AutoCloseable {

    private static final long DISARMED = -1;

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong answerBudget = new AtomicLong(DISARMED);
    private final AtomicLong requestBudget = new AtomicLong(DISARMED);
    private final AtomicLong cuts = new AtomicLong();

    public CuttingRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "relay-accept-" + listener.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    /** The relay's base URL. */
    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Lets {@code bytes} more bytes of answers through, then drops the connection carrying them. */
    public void cutAnswerAfter(long bytes) {
        answerBudget.set(bytes);
    }

    /** Lets {@code bytes} more bytes of requests through, then drops the connection carrying them. */
    public void cutRequestAfter(long bytes) {
        requestBudget.set(bytes);
    }

    /** How many connections were dropped so far. */
    public long cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, requestBudget, "relay-request");
                pump(server, client, answerBudget, "relay-answer");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong budget, String name) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            long left = budget.get();
                            if (left != DISARMED && n >= left) {
                                out.write(buffer, 0, (int) left);
                                out.flush();
                                budget.set(DISARMED);
                                cuts.incrementAndGet();
                                from.close();
                                to.close();
                                return;
                            }
                            if (left != DISARMED) {
                                budget.addAndGet(-n);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                        to.shutdownOutput();
                    } catch (IOException e) {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(CuttingRelay::closeQuietly);
    }
}
