package dev.cameltiledb.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 9: clients that send a body slowly, or never, cannot starve the emulator. Every request body goes
 * through the upload slots, whoever sends it; a request answered before its body was read (401 without credentials,
 * 503 without a free slot) has its connection closed, not drained; and every other request is still served. Each
 * test counts answers and slots, never time: the socket timeout only turns a hang into a failure.
 */
class SlowClientsTest {

    /** More than the emulator's 64 workers. */
    private static final int CROWD = 70;

    /** A connection that sent a request head announcing {@code 100000} body bytes, and ten of them. */
    private static final class SlowSender implements AutoCloseable {
        private final Socket socket;

        SlowSender(TileDBEmulator emulator, String method, String path, String apiKey) throws IOException {
            socket = new Socket("127.0.0.1", emulator.port());
            socket.setSoTimeout(30_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (apiKey == null ? "" : "X-TILEDB-REST-API-KEY: " + apiKey + "\r\n")
                    + "Content-Length: 100000\r\n\r\n{\"descrip";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        /** The status of the answer, its head and body read; then whether the emulator closed the connection. */
        int statusThenClosed() throws IOException {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            int length = Integer.parseInt(header(head, "content-length"));
            in.readNBytes(length);
            int next;
            try {
                next = in.read();
            } catch (SocketException reset) {
                next = -1;
            }
            assertEquals(-1, next, "the connection is closed after the " + status + ", its body not drained");
            return status;
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed before an answer: " + head);
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        private static String header(String head, String name) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith(name + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return "0";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Slow senders, closed before the emulator is stopped (which waits for what its workers are still reading). */
    private static final class Crowd extends ArrayList<SlowSender> implements AutoCloseable {
        @Override
        public void close() throws IOException {
            for (SlowSender s : this) {
                s.close();
            }
        }
    }

    private static int userStatus(TileDBEmulator emulator, String key) throws Exception {
        return EmulatorRequests.send(emulator, "GET", "/v1/user", key, null).statusCode();
    }

    @Test
    void slowBodiesWithoutCredentialsAreAnswered401AndClosedAndEverythingElseIsServed() throws Exception {
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                        .user("slow", "slow-key")
                        .array("slow", "a", List.of(), Map.of())
                        .build()
                        .start();
                Crowd strangers = new Crowd()) {
            for (int i = 0; i < CROWD; i++) {
                strangers.add(new SlowSender(emulator, "PATCH", "/v1/arrays/slow/a/metadata", null));
            }
            for (SlowSender stranger : strangers) {
                assertEquals(401, stranger.statusThenClosed());
            }
            assertEquals(200, userStatus(emulator, "slow-key"));
            assertEquals(0, emulator.uploadsInProgress(), "a stranger's body takes no slot");
        }
    }

    @Test
    void slowJsonBodiesHoldUploadSlotsAndOneMoreIsRefusedAtOnce() throws Exception {
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                        .user("slow", "slow-key")
                        .array("slow", "a", List.of(), Map.of())
                        .maxConcurrentUploads(2)
                        .build()
                        .start();
                Crowd held = new Crowd();
                Crowd refused = new Crowd()) {
            for (int i = 0; i < 2; i++) {
                held.add(new SlowSender(emulator, "PATCH", "/v1/arrays/slow/a/metadata", "slow-key"));
            }
            Await.until(() -> emulator.uploadsInProgress() == 2, "both slow bodies in their slots");
            for (int i = 0; i < CROWD; i++) {
                refused.add(new SlowSender(emulator, "PATCH", "/v1/arrays/slow/a/metadata", "slow-key"));
            }
            for (SlowSender one : refused) {
                assertEquals(503, one.statusThenClosed());
            }
            assertEquals(200, userStatus(emulator, "slow-key"), "a request without a body is still served");
            assertEquals(2, emulator.uploadsInProgress());
            held.close(); // the held bodies break off and give their slots back
            Await.until(() -> emulator.uploadsInProgress() == 0, "the slots given back");
            assertEquals(
                    204,
                    EmulatorRequests.send(
                                    emulator,
                                    "PATCH",
                                    "/v1/arrays/slow/a/metadata",
                                    "slow-key",
                                    "{\"description\":\"d\"}")
                            .statusCode());
        }
    }

    @Test
    void aWorkspaceFileUploadTakesAnUploadSlotToo() throws Exception {
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                        .workspaceServer()
                        .user("alice", "alice-key")
                        .workspace("acme", Map.of("alice", "owner"))
                        .teamspace("acme", "files", Map.of("alice", "owner"))
                        .maxConcurrentUploads(1)
                        .build()
                        .start();
                Crowd senders = new Crowd()) {
            senders.add(new SlowSender(emulator, "PUT", "/v4/files/acme/files/held.bin", "alice-key"));
            Await.until(() -> emulator.uploadsInProgress() == 1, "the slow file upload in its slot");
            SlowSender second = new SlowSender(emulator, "PUT", "/v4/files/acme/files/second.bin", "alice-key");
            senders.add(second);
            assertEquals(503, second.statusThenClosed());
            assertTrue(userStatus(emulator, "alice-key") < 300, "everything else is still served");
        }
    }
}
