package dev.cameltiledb.emulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, items 13, 14 and 20: names and ranges no TileDB address can hold are refused with a 400 and the spec's
 * {@code Error} (nothing stored), and a range of any size is answered as RFC 9110 says.
 */
class HostileNamesHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What the issue sent: NUL, a line break, a tab, an ANSI colour escape, a right-to-left override. */
    private static final List<String> CONTROL_NAMES =
            List.of("nul\u0000name", "line\nbreak", "tab\tname", "ansi\u001b[31mred", "rtl\u202egnp.exe");

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> CLASSIC =
            EmulatorRequests.perClass(b -> b.user("hn", "hn-key").array("hn", "kept", List.of(), Map.of()));

    @RegisterExtension
    static final ServerPerClass<TileDBEmulator> WORKSPACE = EmulatorRequests.perClass(b -> b.workspaceServer()
            .user("alice", "alice-key")
            .workspace("acme", Map.of("alice", "owner"))
            .teamspace("acme", "files", Map.of("alice", "owner")));

    private static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> putFile(String path, String content) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(WORKSPACE.server().url() + "/v4/files/acme/files/" + encoded(path)))
                        .header("X-TILEDB-REST-API-KEY", "alice-key")
                        .PUT(HttpRequest.BodyPublishers.ofString(content))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getFile(String path, String range) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(
                        URI.create(WORKSPACE.server().url() + "/v4/files/acme/files/" + encoded(path)))
                .header("X-TILEDB-REST-API-KEY", "alice-key");
        if (range != null) {
            get.header("Range", range);
        }
        return HTTP.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A 400 carrying the spec's Error JSON whose message says {@code says}. */
    private static void assertRefused(HttpResponse<String> answer, String says) throws Exception {
        assertEquals(400, answer.statusCode(), answer.body());
        JsonNode error = JSON.readTree(answer.body());
        assertTrue(error.has("code") && error.has("request_id"), answer.body());
        assertTrue(error.get("message").asText().contains(says), answer.body());
    }

    private static List<String> storedFiles() throws Exception {
        JsonNode listing = EmulatorRequests.json(
                WORKSPACE.server(), "GET", "/v4/files/acme/files?list-type=2", "alice-key", null, 200);
        return listing.path("Objects").findValuesAsText("Key");
    }

    @Test
    void aRangePastTheEndOfAnyLengthIsClampedAndOneStartingPastItIs416() throws Exception {
        assertEquals(200, putFile("range/ten.bin", "0123456789").statusCode());
        HttpResponse<byte[]> clamped = getFile("range/ten.bin", "bytes=0-99999999999999999999");
        assertEquals(206, clamped.statusCode());
        assertArrayEquals("0123456789".getBytes(StandardCharsets.US_ASCII), clamped.body());
        assertEquals(
                "bytes 0-9/10", clamped.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> tail = getFile("range/ten.bin", "bytes=7-99999999999999999999");
        assertEquals(206, tail.statusCode());
        assertEquals("789", new String(tail.body(), StandardCharsets.US_ASCII));
        HttpResponse<byte[]> suffix = getFile("range/ten.bin", "bytes=-99999999999999999999");
        assertEquals(206, suffix.statusCode());
        assertEquals(
                "bytes 0-9/10", suffix.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(
                416, getFile("range/ten.bin", "bytes=99999999999999999999-").statusCode());
        assertEquals(416, getFile("range/ten.bin", "bytes=10-").statusCode());
        // a range whose last position is before its first is not a valid range: ignored, the whole file
        assertEquals(200, getFile("range/ten.bin", "bytes=5-2").statusCode());
    }

    @Test
    void filePathsWithControlCharactersOrOfFiveThousandCharactersAreRefusedAndNotStored() throws Exception {
        for (String name : CONTROL_NAMES) {
            assertRefused(putFile("bad/" + name + ".txt", "x"), "holds control characters");
        }
        assertRefused(putFile("long/" + "p/".repeat(2_500), "x"), "more than 1024");
        assertRefused(putFile("y".repeat(300), "x"), "more than 255");
        assertTrue(
                storedFiles().stream()
                        .noneMatch(k -> k.startsWith("bad/") || k.startsWith("long/") || k.startsWith("yy")),
                "nothing stored: " + storedFiles());
    }

    @Test
    void anAbsoluteOrDottedFilePathIsRefusedNotMadeRelative() throws Exception {
        assertRefused(putFile("/abs/x.txt", "x"), "starts with '/'");
        assertRefused(putFile("a/../x.txt", "x"), "'..' segment");
        assertRefused(putFile("./x.txt", "x"), "'.' or '..' segment");
        assertRefused(putFile("dir//x.txt", "x"), "empty");
        assertRefused(putFile("dir/", "x"), "empty");
        assertFalse(storedFiles().contains("abs/x.txt"), storedFiles().toString());
        assertFalse(storedFiles().contains("x.txt"), storedFiles().toString());
        assertEquals(200, putFile("plain/ok.txt", "x").statusCode(), "an ordinary path is stored");
    }

    @Test
    void arraysNamedLikePathsOrWithControlCharactersAreNotRegistered() throws Exception {
        for (String name : List.of("a/b", "../x", "/abs", "..", "back\\slash", "line\nbreak", "tab\tname")) {
            String body = JSON.writeValueAsString(Map.of("uri", "s3://bucket/ok", "name", name));
            assertRefused(
                    EmulatorRequests.send(CLASSIC.server(), "POST", "/v1/arrays/hn/ok/register", "hn-key", body),
                    "name '");
        }
        assertTrue(CLASSIC.server().array("hn", "ok").isEmpty(), "nothing registered");
        assertTrue(
                CLASSIC.server().arrays().stream().allMatch(a -> a.name().equals("kept")),
                CLASSIC.server().arrays().toString());
    }

    @Test
    void aRenameToSuchANameChangesNothingElseEither() throws Exception {
        assertRefused(
                EmulatorRequests.send(
                        CLASSIC.server(),
                        "PATCH",
                        "/v1/arrays/hn/kept/metadata",
                        "hn-key",
                        "{\"description\": \"changed\", \"name\": \"x/../../y\"}"),
                "holds '/'");
        ArraySnapshot kept = CLASSIC.server().array("hn", "kept").orElseThrow();
        assertEquals(null, kept.description(), "the description was not changed either");
    }

    @Test
    void aNotebookIsNotMadeFromAMegabyteFileNameOrAControlCharacterName() throws Exception {
        String notebook = "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
        String boundary = "hostile-boundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"input_file\"; filename=\""
                + "n".repeat(1024 * 1024) + ".ipynb\"\r\nContent-Type: application/x-ipynb+json\r\n\r\n" + notebook
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> multipart = HTTP.send(
                HttpRequest.newBuilder(URI.create(CLASSIC.server().url() + "/v1/notebooks/hn/upload"))
                        .header("X-TILEDB-REST-API-KEY", "hn-key")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(multipart, "more than 255");
        for (String name : CONTROL_NAMES) {
            assertRefused(
                    EmulatorRequests.send(
                            CLASSIC.server(),
                            "POST",
                            "/v2/notebooks/hn/nb/upload?filesize=" + notebook.length() + "&name=" + encoded(name),
                            "hn-key",
                            notebook),
                    "holds control characters");
        }
        assertTrue(
                CLASSIC.server().arrays().stream().allMatch(a -> a.name().equals("kept")),
                CLASSIC.server().arrays().toString());
    }
}
