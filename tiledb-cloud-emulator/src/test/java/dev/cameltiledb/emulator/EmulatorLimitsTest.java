package dev.cameltiledb.emulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, item 19 (in part): what a hostile client sends gets a 4xx with the spec's Error JSON, never a 500. */
class EmulatorLimitsTest {

    @RegisterExtension
    static final TileDBEmulatorExtension TILEDB = new TileDBEmulatorExtension(b -> b.user("lim", "lim-key")
            .organization("lim-org", Map.of("lim", "owner")).array("lim-org", "a", List.of(), Map.of()));

    @Test
    void aPageNumberPastTheIntegerRangeIsABadRequest() throws Exception {
        HttpResponse<String> answer = EmulatorRequests.send(TILEDB.emulator(), "GET",
                "/v1/arrays/browser/owned?page=99999999999", "lim-key", null);
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("page must be at most 2147483647"), answer.body());
    }

    @Test
    void aJsonBodyOverSixteenMebibytesIsRefusedWith413() throws Exception {
        String huge = "{\"description\": \"" + "x".repeat(HttpCall.MAX_JSON_BODY_BYTES) + "\"}";
        HttpResponse<String> answer = EmulatorRequests.send(TILEDB.emulator(), "PATCH", "/v1/arrays/lim-org/a/metadata",
                "lim-key", huge);
        assertEquals(413, answer.statusCode(), answer.body().substring(0, Math.min(200, answer.body().length())));
        assertTrue(answer.body().contains("at most 16777216 bytes"), answer.body());
        assertEquals(null, TILEDB.emulator().array("lim-org", "a").orElseThrow().description(), "nothing changed");
    }

    @Test
    void aPartialUploadLeftByACrashIsRemovedAtTheNextStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir)
            throws Exception {
        java.nio.file.Path files = java.nio.file.Files.createDirectories(dataDir.resolve("files"));
        java.nio.file.Path stray = java.nio.file.Files.writeString(files.resolve("upload-123.part"), "half a notebook");
        java.nio.file.Path kept = java.nio.file.Files.writeString(files.resolve("some-version"), "a stored version");
        try (TileDBEmulator emulator = TileDBEmulator.builder().dataDirectory(dataDir).user("lim", "lim-key").build().start()) {
            assertEquals(false, java.nio.file.Files.exists(stray), "the partial file is gone");
            assertEquals(true, java.nio.file.Files.exists(kept), "other files stay");
            assertEquals(200, EmulatorRequests.send(emulator, "GET", "/v1/user", "lim-key", null).statusCode());
        }
    }
}
