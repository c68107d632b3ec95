package dev.cameltiledb.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client that sends a request head announcing a body, and then only the first bytes of it or none: what an emulator
 * must not let hold it up. Both emulators' tests of slow and silent clients use it.
 */
public final class SilentClient implements AutoCloseable {

    private final Socket socket;

    private SilentClient(Socket socket) {
        this.socket = socket;
    }

    /**
     * Opens a connection to {@code port} on loopback and sends {@code method path} with {@code headers}, a
     * {@code Content-Length} of {@code contentLength}, and {@code bodyStart} (the rest never comes).
     */
    public static SilentClient send(
            int port, String method, String path, Map<String, String> headers, int contentLength, String bodyStart)
            throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(contentLength).append("\r\n\r\n").append(bodyStart);
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new SilentClient(socket);
    }

    /** The status of the answer (its head and body read); then the connection must be closed, not kept to drain. */
    public int statusThenClosed() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before an answer: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(
                        line.substring("content-length:".length()).strip()));
            }
        }
        int status = Integer.parseInt(text.substring(9, 12));
        assertEquals(-1, nextByte(), "the connection is closed after the " + status + ", its body not drained");
        return status;
    }

    /** -1 once the emulator has closed the connection (a reset counts as closed). */
    public int nextByte() throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Silent clients closed together, before the emulator stops (which waits for what its workers are reading). */
    public static final class Crowd extends ArrayList<SilentClient> implements AutoCloseable {
        @Override
        public void close() throws IOException {
            for (SilentClient c : this) {
                c.close();
            }
        }
    }
}
