package dev.cameltiledb.arraylake.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, items 9 and 15: clients that send a body slowly, or never, cannot starve the emulator's 16 workers
 * (authentication comes before the body, bodies are read in a few slots, a connection answered before its body was
 * read is closed, a silent one is dropped after the read timeout), and JSON nested past the parser's limit is a 422
 * as other bad JSON is. Tests count answers and slots, never time: socket timeouts only turn a hang into a failure.
 */
class HostileClientsHttpTest {

    /** More than the emulator's 16 workers. */
    private static final int CROWD = 20;

    /** A connection that sent a request head announcing 10,000 body bytes, and none of them. */
    private static final class SilentSender implements AutoCloseable {
        private final Socket socket;

        SilentSender(ArraylakeEmulator emulator, String token) throws IOException {
            socket = new Socket("127.0.0.1", emulator.port());
            socket.setSoTimeout(30_000);
            String head = "POST /orgs/acme/repos HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: 10000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        /** The status of the answer (its head and body read), then checks the emulator closed the connection. */
        int statusThenClosed() throws IOException {
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
            assertEquals(-1, nextByte(), "the connection is closed after the answer, its body not drained");
            return Integer.parseInt(text.substring(9, 12));
        }

        /** -1 once the emulator has closed the connection (a reset counts as closed). */
        int nextByte() throws IOException {
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
    }

    /** Silent senders, closed before the emulator stops (which waits for what its workers are reading). */
    private static final class Crowd extends ArrayList<SilentSender> implements AutoCloseable {
        @Override
        public void close() throws IOException {
            for (SilentSender s : this) {
                s.close();
            }
        }
    }

    /** Polls until {@code count} bodies are being read; what the test decides does not depend on how long it took. */
    private static void awaitBodies(ArraylakeEmulator emu, int count, String what) {
        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> {
                    while (emu.bodiesInProgress() != count) {
                        Thread.sleep(10);
                    }
                },
                what);
    }

    @Test
    void silentConnectionsWithoutCredentialsAreAnswered401AndClosedBeforeTheirBody() throws Exception {
        try (ArraylakeEmulator emu = Fixtures.standard().build().start();
                Crowd strangers = new Crowd()) {
            for (int i = 0; i < CROWD; i++) {
                strangers.add(new SilentSender(emu, null));
            }
            for (SilentSender stranger : strangers) {
                assertEquals(401, stranger.statusThenClosed());
            }
            assertEquals(200, Fixtures.as(emu, Fixtures.ADMIN).get("/user").status(), "everything else is served");
            assertEquals(0, emu.bodiesInProgress(), "a stranger's body takes no slot");
        }
    }

    @Test
    void silentBodiesHoldTheirSlotsOnlyAndOneMoreIsRefusedAtOnce() throws Exception {
        try (ArraylakeEmulator emu =
                        Fixtures.standard().maxConcurrentBodies(2).build().start();
                Crowd held = new Crowd();
                Crowd refused = new Crowd()) {
            String token = emu.userTokens(Fixtures.ADMIN).idToken();
            held.add(new SilentSender(emu, token));
            held.add(new SilentSender(emu, token));
            awaitBodies(emu, 2, "both silent bodies in their slots");
            for (int i = 0; i < CROWD; i++) {
                refused.add(new SilentSender(emu, token));
            }
            for (SilentSender one : refused) {
                assertEquals(503, one.statusThenClosed());
            }
            assertEquals(200, Fixtures.as(emu, Fixtures.ADMIN).get("/user").status(), "everything else is served");
            assertEquals(2, emu.bodiesInProgress());
        }
    }

    @Test
    void aClientThatStopsSendingItsBodyIsDroppedAfterTheReadTimeout() throws Exception {
        try (ArraylakeEmulator emu =
                        Fixtures.standard().requestReadTimeout(300).build().start();
                Crowd silent = new Crowd()) {
            SilentSender one =
                    new SilentSender(emu, emu.userTokens(Fixtures.ADMIN).idToken());
            silent.add(one);
            // the body never comes: after the read timeout the emulator drops the connection
            assertEquals(-1, one.nextByte(), "closed without an answer");
            awaitBodies(emu, 0, "the slot given back");
            assertEquals(200, Fixtures.as(emu, Fixtures.ADMIN).get("/user").status());
        }
    }

    @Test
    void jsonNestedPastTheParsersLimitIsA422AsOtherBadJsonIs() throws Exception {
        try (ArraylakeEmulator emu = Fixtures.standard().build().start()) {
            String deep = "{\"name\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
            Api.Reply reply = Fixtures.as(emu, Fixtures.ADMIN).post("/orgs/acme/repos", deep);
            assertEquals(422, reply.status(), reply.body().toString());
            assertEquals(
                    "json_invalid",
                    reply.body().path("detail").path(0).path("type").asText());
            assertEquals(
                    "JSON decode error",
                    reply.body().path("detail").path(0).path("msg").asText());
            assertTrue(emu.repo("acme", "x").isEmpty());
        }
    }

    /**
     * The defaults the fault matrix states: 4 body slots (the 5th silent body is refused at once), and a read timeout
     * of 60 s, asserted as the constant the builder starts from (a test does not wait a minute; the timeout's effect
     * is shown at 300 ms above).
     */
    @Test
    void byDefaultFourSilentBodiesHoldSlotsAndTheReadTimeoutIsAMinute() throws Exception {
        assertEquals(60_000, ArraylakeEmulator.DEFAULT_REQUEST_READ_TIMEOUT_MILLIS);
        assertEquals(4, ArraylakeEmulator.DEFAULT_MAX_CONCURRENT_BODIES);
        try (ArraylakeEmulator emu = Fixtures.standard().build().start();
                Crowd held = new Crowd();
                Crowd refused = new Crowd()) {
            String token = emu.userTokens(Fixtures.ADMIN).idToken();
            for (int i = 0; i < 4; i++) {
                held.add(new SilentSender(emu, token));
            }
            awaitBodies(emu, 4, "four silent bodies in their slots");
            refused.add(new SilentSender(emu, token));
            assertEquals(503, refused.get(0).statusThenClosed());
            assertEquals(4, emu.bodiesInProgress());
        }
    }
}
