package dev.cameltiledb.emulator;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.SilentClient;
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
    private static SilentClient slowSender(TileDBEmulator emulator, String method, String path, String apiKey)
            throws IOException {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (apiKey != null) {
            headers.put("X-TILEDB-REST-API-KEY", apiKey);
        }
        return SilentClient.send(emulator.port(), method, path, headers, 100000, "{\"descrip");
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
                SilentClient.Crowd strangers = new SilentClient.Crowd()) {
            for (int i = 0; i < CROWD; i++) {
                strangers.add(slowSender(emulator, "PATCH", "/v1/arrays/slow/a/metadata", null));
            }
            for (SilentClient stranger : strangers) {
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
                SilentClient.Crowd held = new SilentClient.Crowd();
                SilentClient.Crowd refused = new SilentClient.Crowd()) {
            for (int i = 0; i < 2; i++) {
                held.add(slowSender(emulator, "PATCH", "/v1/arrays/slow/a/metadata", "slow-key"));
            }
            Await.until(() -> emulator.uploadsInProgress() == 2, "both slow bodies in their slots");
            for (int i = 0; i < CROWD; i++) {
                refused.add(slowSender(emulator, "PATCH", "/v1/arrays/slow/a/metadata", "slow-key"));
            }
            for (SilentClient one : refused) {
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
                SilentClient.Crowd senders = new SilentClient.Crowd()) {
            senders.add(slowSender(emulator, "PUT", "/v4/files/acme/files/held.bin", "alice-key"));
            Await.until(() -> emulator.uploadsInProgress() == 1, "the slow file upload in its slot");
            SilentClient second = slowSender(emulator, "PUT", "/v4/files/acme/files/second.bin", "alice-key");
            senders.add(second);
            assertEquals(503, second.statusThenClosed());
            assertTrue(userStatus(emulator, "alice-key") < 300, "everything else is still served");
        }
    }
}
