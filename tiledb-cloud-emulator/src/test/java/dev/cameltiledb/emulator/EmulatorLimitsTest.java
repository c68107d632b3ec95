package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.emulator.http.HttpCall;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, item 19 (in part): what a hostile client sends gets a 4xx with the spec's Error JSON, never a 500. */
class EmulatorLimitsTest {

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> TILEDB = EmulatorRequests.perClass(b -> b.user("lim", "lim-key")
            .organization("lim-org", Map.of("lim", "owner"))
            .array("lim-org", "a", List.of(), Map.of()));

    @Test
    void aPageNumberPastTheIntegerRangeIsABadRequest() throws Exception {
        HttpResponse<String> answer = EmulatorRequests.send(
                TILEDB.server(), "GET", "/v1/arrays/browser/owned?page=99999999999", "lim-key", null);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("page must be at most 2147483647"), answer.body());
    }

    @Test
    void aJsonBodyOverSixteenMebibytesIsRefusedWith413() throws Exception {
        String huge = "{\"description\": \"" + "x".repeat(HttpCall.MAX_JSON_BODY_BYTES) + "\"}";
        HttpResponse<String> answer =
                EmulatorRequests.send(TILEDB.server(), "PATCH", "/v1/arrays/lim-org/a/metadata", "lim-key", huge);
        assertEquals(
                413,
                answer.statusCode(),
                answer.body().substring(0, Math.min(200, answer.body().length())));
        assertTrue(answer.body().contains("at most 16777216 bytes"), answer.body());
        assertEquals(null, TILEDB.server().array("lim-org", "a").orElseThrow().description(), "nothing changed");
    }

    @Test
    void aPartialUploadLeftByACrashIsRemovedAtTheNextStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir)
            throws Exception {
        java.nio.file.Path files = java.nio.file.Files.createDirectories(dataDir.resolve("files"));
        java.nio.file.Path stray = java.nio.file.Files.writeString(files.resolve("upload-123.part"), "half a notebook");
        java.nio.file.Path kept = java.nio.file.Files.writeString(files.resolve("some-version"), "a stored version");
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                .dataDirectory(dataDir)
                .user("lim", "lim-key")
                .build()
                .start()) {
            assertEquals(false, java.nio.file.Files.exists(stray), "the partial file is gone");
            assertEquals(true, java.nio.file.Files.exists(kept), "other files stay");
            assertEquals(
                    200,
                    EmulatorRequests.send(emulator, "GET", "/v1/user", "lim-key", null)
                            .statusCode());
        }
    }

    @Test
    void slowlySentUploadsCannotTakeEveryWorker() throws Exception {
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                        .user("slow", "slow-key")
                        .maxConcurrentUploads(1)
                        .build()
                        .start();
                java.net.Socket slow = new java.net.Socket("127.0.0.1", emulator.port())) {
            // an upload that announces 1000 bytes and sends 10, then waits: it holds its worker and the only permit
            java.io.OutputStream out = slow.getOutputStream();
            out.write(("POST /v2/notebooks/slow/held/upload?filesize=1000&name=held HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "X-TILEDB-REST-API-KEY: slow-key\r\nContent-Type: application/octet-stream\r\n"
                            + "Content-Length: 1000\r\n\r\n0123456789")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String notebook = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
            Await.until(() -> emulator.uploadsInProgress() == 1, "the held upload streaming in");
            HttpResponse<String> refused = EmulatorRequests.send(
                    emulator,
                    "POST",
                    "/v2/notebooks/slow/refused/upload?filesize=" + notebook.length(),
                    "slow-key",
                    notebook);
            assertEquals(503, refused.statusCode());
            assertTrue(refused.body().contains("receiving 1 request bodies already"), refused.body());
            assertEquals(
                    200,
                    EmulatorRequests.send(emulator, "GET", "/v1/user", "slow-key", null)
                            .statusCode(),
                    "everything else is still served");
            slow.close(); // the held upload breaks off and gives its permit back
            Await.until(
                    () -> {
                        try {
                            return EmulatorRequests.send(
                                                    emulator,
                                                    "POST",
                                                    "/v2/notebooks/slow/after/upload?filesize=" + notebook.length(),
                                                    "slow-key",
                                                    notebook)
                                            .statusCode()
                                    == 201;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "uploads accepted again");
        }
    }

    /** One change writes the files of what it touched: as many at 20,000 arrays as at 10. */
    @Test
    void aWriteCostsTheSameWithTwentyThousandArraysAsWithTen(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        long small = bytesWrittenByOneUpdate(dir.resolve("small"), 10);
        long large = bytesWrittenByOneUpdate(dir.resolve("large"), 20_000);
        // the same array's file either way (its event's timestamp may differ by a few digits)
        assertTrue(
                large <= small + 16 && small < 4096,
                "10 arrays: " + small + " bytes, 20,000 arrays: " + large + " bytes");
    }

    private static long bytesWrittenByOneUpdate(java.nio.file.Path dataDir, int arrays) throws Exception {
        List<Seed.SeedArray> seeds = java.util.stream.IntStream.range(0, arrays)
                .mapToObj(i -> new Seed.SeedArray("cost", "a" + i, null, null, null, null, null, null))
                .toList();
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                .dataDirectory(dataDir)
                .user("cost", "cost-key")
                .seed(new Seed(null, null, seeds))
                .build()
                .start()) {
            long before = emulator.stateBytesWritten();
            HttpResponse<String> answer = EmulatorRequests.send(
                    emulator, "PATCH", "/v1/arrays/cost/a7/metadata", "cost-key", "{\"description\": \"changed\"}");
            assertEquals(204, answer.statusCode(), answer.body());
            return emulator.stateBytesWritten() - before;
        }
    }

    /** Everything a request changes survives a restart: updates, sharing, removals, groups and their members. */
    @Test
    void aRestartFromTheDataDirectoryHoldsEveryChange(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        List<ArraySnapshot> arraysBefore;
        java.util.Optional<GroupSnapshot> groupBefore;
        try (TileDBEmulator first = TileDBEmulator.builder()
                .dataDirectory(dir)
                .user("kim", "kim-key")
                .user("lee", "lee-key")
                .array("kim", "kept", List.of("t"), Map.of())
                .array("kim", "gone", List.of(), Map.of())
                .build()
                .start()) {
            assertEquals(
                    204,
                    EmulatorRequests.send(
                                    first,
                                    "PATCH",
                                    "/v1/arrays/kim/kept/metadata",
                                    "kim-key",
                                    "{\"description\": \"after\", \"tags\": [\"x\", \"y\"]}")
                            .statusCode());
            assertEquals(
                    204,
                    EmulatorRequests.send(
                                    first,
                                    "PATCH",
                                    "/v1/arrays/kim/kept/share",
                                    "kim-key",
                                    "{\"namespace\": \"lee\", \"actions\": [\"read\"]}")
                            .statusCode());
            assertEquals(
                    204,
                    EmulatorRequests.send(first, "DELETE", "/v1/arrays/kim/gone/deregister", "kim-key", null)
                            .statusCode());
            HttpResponse<String> group = EmulatorRequests.send(
                    first,
                    "POST",
                    "/v2/groups/kim",
                    "kim-key",
                    "{\"group_details\": {\"name\": \"g\", \"uri\": \"s3://b/g\"}}");
            assertTrue(group.statusCode() < 300, group.body());
            HttpResponse<String> members = EmulatorRequests.send(
                    first,
                    "PATCH",
                    "/v2/groups/kim/g",
                    "kim-key",
                    "{\"group_changes\": {\"members_to_add\": [{\"uri\": \"tiledb://kim/kept\", \"type\": \"ARRAY\"}]}}");
            assertTrue(members.statusCode() < 300, members.body());
            arraysBefore = first.arrays();
            groupBefore = first.group("kim", "g");
        }
        try (TileDBEmulator second =
                TileDBEmulator.builder().dataDirectory(dir).build().start()) {
            assertEquals(arraysBefore, second.arrays());
            assertEquals(groupBefore, second.group("kim", "g"));
            assertTrue(
                    groupBefore.isPresent() && groupBefore.get().members().contains("tiledb://kim/kept"),
                    groupBefore.toString());
            assertEquals(
                    200,
                    EmulatorRequests.send(second, "GET", "/v1/arrays/kim/kept/metadata", "lee-key", null)
                            .statusCode(),
                    "the share to lee survived");
        }
    }

    /** A client that stops sending in the middle of a request is dropped after requestReadTimeout. */
    @Test
    void aClientThatStopsSendingIsDropped() throws Exception {
        try (TileDBEmulator emulator = TileDBEmulator.builder()
                        .user("quiet", "quiet-key")
                        .requestReadTimeout(300)
                        .build()
                        .start();
                java.net.Socket quiet = new java.net.Socket("127.0.0.1", emulator.port())) {
            quiet.getOutputStream()
                    .write("GET /v1/user HTTP/1.1\r\nHost: 127.0.0.1\r\nX-TILEDB-REST-API"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            quiet.getOutputStream().flush();
            quiet.setSoTimeout(60_000); // only turns a hang into a failure
            int read;
            try {
                read = quiet.getInputStream().read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            assertEquals(-1, read, "the emulator closed the connection without an answer");
            assertEquals(
                    200,
                    EmulatorRequests.send(emulator, "GET", "/v1/user", "quiet-key", null)
                            .statusCode());
        }
    }
}
