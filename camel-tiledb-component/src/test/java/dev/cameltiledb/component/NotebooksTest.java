package dev.cameltiledb.component;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.ArraySharing;
import dev.cameltiledb.client.model.NotebookCopied;
import dev.cameltiledb.client.model.NotebookUploaded;
import dev.cameltiledb.emulator.ArraySnapshot;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.emulator.User;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example of the user's notebook guide as a route, plus versions and bad input, against the emulator. */
class NotebooksTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture("nora-key");

    private static final String NS = "nora";
    private static final String NOTEBOOK = "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"print('héllo')\"]}],"
            + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";

    @TempDir
    static Path dir;

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new Seed(
                        List.of(new User(
                                "nora",
                                "nora@example.com",
                                "nora-password",
                                List.of("nora-key"),
                                "Nora",
                                null,
                                null,
                                "s3://nora-bucket/home",
                                "nora-creds")),
                        List.of(new Organization("babbage-org", Map.of("alice", "owner"))),
                        List.of(new Seed.SeedArray(NS, "plain-array", null, null, null, null, null, null))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:nb")
                        .to("tiledb:notebooks?namespace=" + NS + "&host="
                                + SuiteEmulator.get().url() + "&apiKey=nora-key");
            }
        };
    }

    private Object call(String operation, Object body, Map<String, Object> headers) {
        return Operations.call(template, "direct:nb", operation, body, headers);
    }

    private Exception fails(String operation, Object body, Map<String, Object> headers) {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put(TileDBConstants.OPERATION, operation);
        Exchange reply = template.request("direct:nb", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(all);
        });
        assertTrue(reply.isFailed(), operation + " should fail");
        return reply.getException();
    }

    private static Path file(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static long uploads() {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().startsWith("/v2/notebooks/"))
                .count();
    }

    @Test
    void uploadFromFileThenDownloadAsStringRoundTrips() throws Exception {
        Path source = file("spectrograph-analysis.ipynb", NOTEBOOK);
        NotebookUploaded uploaded =
                (NotebookUploaded) call("upload", source.toFile(), Map.of(TileDBConstants.ARRAY, "spectrographs"));
        assertEquals("spectrographs", uploaded.name());
        assertEquals("s3://nora-bucket/home/spectrographs", uploaded.outputUri(), "the user's default storage path");
        ArraySnapshot stored = SuiteEmulator.get().array(NS, "spectrographs").orElseThrow();
        assertEquals("notebook", stored.fileType());
        assertEquals("nora-creds", stored.accessCredentialsName(), "the user's default credentials");

        String downloaded =
                (String) call("download", null, Map.of(TileDBConstants.TILEDB_URI, "tiledb://nora/spectrographs"));
        assertEquals(NOTEBOOK, downloaded);
        RecordedExchange upload = SuiteEmulator.get().recordedExchanges().stream()
                .filter(x ->
                        x.rawPath().equals("/v2/notebooks/nora/s3%3A%2F%2Fnora-bucket%2Fhome%2Fspectrographs/upload"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(String.valueOf(NOTEBOOK.getBytes(StandardCharsets.UTF_8).length)),
                upload.query().get("filesize"));
        assertEquals(
                List.of("application/octet-stream"), upload.requestHeaders().get("content-type"));
    }

    @Test
    void uploadFromStringWithAlternateStoragePathAndCredential() {
        call(
                "upload",
                NOTEBOOK,
                Map.of(
                        TileDBConstants.ARRAY,
                        "radium",
                        TileDBConstants.STORAGE_PATH,
                        "s3://curie-labs-data/notebooks",
                        TileDBConstants.CREDENTIALS_NAME,
                        "personal-cred"));
        ArraySnapshot radium = SuiteEmulator.get().array(NS, "radium").orElseThrow();
        assertEquals("s3://curie-labs-data/notebooks/radium", radium.uri());
        assertEquals("personal-cred", radium.accessCredentialsName());
    }

    @Test
    void downloadToFileAndAsBytesAndStream() throws Exception {
        call("upload", NOTEBOOK.getBytes(StandardCharsets.UTF_8), Map.of(TileDBConstants.ARRAY, "mobile-reception"));
        Path target = dir.resolve("mobile-reception.ipynb");
        File written = (File) call(
                "download",
                null,
                Map.of(TileDBConstants.ARRAY, "mobile-reception", TileDBConstants.OUTPUT_FILE, target.toString()));
        assertEquals(target.toFile(), written);
        assertArrayEquals(NOTEBOOK.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        assertArrayEquals(NOTEBOOK.getBytes(StandardCharsets.UTF_8), (byte[]) call(
                "download",
                null,
                Map.of(TileDBConstants.ARRAY, "mobile-reception", TileDBConstants.DOWNLOAD_AS, "bytes")));
        try (InputStream in = (InputStream) call(
                "download",
                null,
                Map.of(TileDBConstants.ARRAY, "mobile-reception", TileDBConstants.DOWNLOAD_AS, "stream"))) {
            assertArrayEquals(NOTEBOOK.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        String second = NOTEBOOK.replace("héllo", "second version");
        call(
                "upload",
                second,
                Map.of(TileDBConstants.ARRAY, "mobile-reception", TileDBConstants.ON_EXISTS, "overwrite"));
        call(
                "download",
                null,
                Map.of(TileDBConstants.ARRAY, "mobile-reception", TileDBConstants.OUTPUT_FILE, target.toString()));
        assertEquals(second, Files.readString(target), "a download replaces the file that was there");
        try (var parts = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    parts.filter(p -> p.getFileName().toString().endsWith(".part"))
                            .toList());
        }
    }

    @Test
    void shareListUnshareMakePublicMakePrivate() {
        call("upload", NOTEBOOK, Map.of(TileDBConstants.ARRAY, "bernoulli"));
        Map<String, Object> nb = Map.of(TileDBConstants.ARRAY, "bernoulli");
        call(
                "share",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "bernoulli",
                        TileDBConstants.TARGET_NAMESPACE,
                        "babbage-org",
                        TileDBConstants.ACTIONS,
                        "read,write"));
        List<ArraySharing> shared = (List<ArraySharing>) call("sharingPolicies", null, nb);
        assertEquals(List.of(new ArraySharing(List.of("read", "write"), "babbage-org", "organization")), shared);

        call(
                "unshare",
                null,
                Map.of(TileDBConstants.ARRAY, "bernoulli", TileDBConstants.TARGET_NAMESPACE, "babbage-org"));
        assertEquals(List.of(), call("sharingPolicies", null, nb));

        call(
                "share",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "bernoulli",
                        TileDBConstants.TARGET_NAMESPACE,
                        "public",
                        TileDBConstants.ACTIONS,
                        "read"));
        assertTrue(SuiteEmulator.get().array(NS, "bernoulli").orElseThrow().isPublic());
        List<ArrayInfo> publicNotebooks = (List<ArrayInfo>) call("listPublic", null, Map.of());
        assertTrue(publicNotebooks.stream().anyMatch(a -> a.name().equals("bernoulli")));
        assertTrue(
                publicNotebooks.stream().allMatch(a -> "notebook".equals(a.fileType())), "only notebooks are listed");

        call("unshare", null, Map.of(TileDBConstants.ARRAY, "bernoulli", TileDBConstants.TARGET_NAMESPACE, "public"));
        assertFalse(SuiteEmulator.get().array(NS, "bernoulli").orElseThrow().isPublic());
    }

    @Test
    void uploadReplyHeadersNameTheNotebook() {
        Exchange reply = template.request("direct:nb", e -> {
            e.getMessage().setBody(NOTEBOOK);
            e.getMessage().setHeader(TileDBConstants.OPERATION, "upload");
            e.getMessage().setHeader(TileDBConstants.ARRAY, "headed");
        });
        NotebookUploaded uploaded = reply.getMessage().getBody(NotebookUploaded.class);
        assertEquals("tiledb://nora/headed", reply.getMessage().getHeader(TileDBConstants.ASSET_URI));
        assertEquals("headed", reply.getMessage().getHeader(TileDBConstants.ASSET_NAME));
        assertEquals(uploaded.id(), reply.getMessage().getHeader(TileDBConstants.ASSET_ID));
        assertEquals(SuiteEmulator.get().array(NS, "headed").orElseThrow().id(), uploaded.id());
    }

    @Test
    void fileNameWithoutIpynbBecomesTheName() throws Exception {
        NotebookUploaded uploaded = (NotebookUploaded)
                call("upload", file("analysis.ipynb", NOTEBOOK).toFile(), Map.of());
        assertEquals("analysis", uploaded.name());
        NotebookUploaded fromHeader = (NotebookUploaded) call(
                "upload",
                new ByteArrayInputStream(NOTEBOOK.getBytes(StandardCharsets.UTF_8)),
                Map.of(Exchange.FILE_NAME, "inbox/quarterly.ipynb"));
        assertEquals("quarterly", fromHeader.name(), "a file consumer's CamelFileName names a streamed body");
    }

    @Test
    void overwriteKeepsVersionsThatCanBeListedPrunedCopiedAndRenamed() {
        call("upload", NOTEBOOK, Map.of(TileDBConstants.ARRAY, "versioned"));
        String second = NOTEBOOK.replace("héllo", "second");
        call("upload", second, Map.of(TileDBConstants.ARRAY, "versioned", TileDBConstants.ON_EXISTS, "overwrite"));
        List<Long> versions = (List<Long>) call("versions", null, Map.of(TileDBConstants.ARRAY, "versioned"));
        assertEquals(2, versions.size());
        assertTrue(versions.get(0) < versions.get(1));
        assertEquals(second, call("download", null, Map.of(TileDBConstants.ARRAY, "versioned")));

        NotebookCopied copied = (NotebookCopied) call(
                "copy",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "versioned",
                        TileDBConstants.NEW_NAME,
                        "first-copy",
                        TileDBConstants.END_TIMESTAMP,
                        versions.get(0)));
        assertEquals("first-copy", copied.name());
        assertEquals(
                NOTEBOOK, call("download", null, Map.of(TileDBConstants.ARRAY, "first-copy")), "copied as it was then");

        call("prune", null, Map.of(TileDBConstants.ARRAY, "versioned", TileDBConstants.KEEP_VERSIONS, 1));
        assertEquals(List.of(versions.get(1)), call("versions", null, Map.of(TileDBConstants.ARRAY, "versioned")));

        call("rename", null, Map.of(TileDBConstants.ARRAY, "first-copy", TileDBConstants.NEW_NAME, "renamed-copy"));
        assertTrue(SuiteEmulator.get().array(NS, "renamed-copy").isPresent());
        assertTrue(SuiteEmulator.get().array(NS, "first-copy").isEmpty());
    }

    @Test
    void badInputFailsClearlyAndCreatesNothing() throws Exception {
        long before = uploads();
        int arrays = SuiteEmulator.get().arrays().size();
        assertEquals(
                "The file to upload, " + dir.resolve("missing.ipynb") + ", does not exist",
                fails("upload", dir.resolve("missing.ipynb").toFile(), Map.of()).getMessage());
        assertEquals(
                "The file to upload, " + dir + ", is a directory",
                fails("upload", dir, Map.of()).getMessage());
        assertEquals(
                "The upload operation's body is empty",
                fails("upload", "", Map.of(TileDBConstants.ARRAY, "e")).getMessage());
        assertTrue(fails("upload", null, Map.of(TileDBConstants.ARRAY, "e"))
                .getMessage()
                .startsWith("The upload operation needs a body"));
        assertEquals(
                "The notebook to upload is not valid JSON (line 1, column 11); set validateJson=false to send it anyway",
                fails("upload", "{\"cells\": oops}", Map.of(TileDBConstants.ARRAY, "bad-json"))
                        .getMessage());
        assertTrue(fails("upload", "[1, 2]", Map.of(TileDBConstants.ARRAY, "bad-json"))
                .getMessage()
                .startsWith("The notebook to upload is not a JSON object"));
        assertEquals(
                "The notebook name 'a/b' is not a valid name: it must not be empty, '.' or '..', or contain '/' or '\\'",
                fails("upload", NOTEBOOK, Map.of(TileDBConstants.ARRAY, "a/b")).getMessage());
        assertEquals(
                "Notebooks cannot be created in the reserved namespace 'public'",
                fails("upload", NOTEBOOK, Map.of(TileDBConstants.TILEDB_URI, "tiledb://public/x"))
                        .getMessage());

        call("upload", NOTEBOOK, Map.of(TileDBConstants.ARRAY, "taken"));
        long afterFirst = uploads();
        Exception exists = fails("upload", NOTEBOOK.replace("héllo", "other"), Map.of(TileDBConstants.ARRAY, "taken"));
        assertInstanceOf(TileDBConfigurationException.class, exists);
        assertEquals(
                "The notebook tiledb://nora/taken already exists; set onExists=overwrite (header CamelTileDBOnExists)"
                        + " to write a new version",
                exists.getMessage());
        assertEquals(afterFirst, uploads(), "onExists=fail sent no byte");
        assertEquals(before + 1, afterFirst, "only the one good upload reached the server");
        assertEquals(arrays + 1, SuiteEmulator.get().arrays().size());
        assertEquals(NOTEBOOK, call("download", null, Map.of(TileDBConstants.ARRAY, "taken")));
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsRefusedBeforeAnyRequest() {
        long requests = SuiteEmulator.get().recordedExchanges().size();
        assertEquals(
                "The outputFile option (header CamelTileDBOutputFile) names the folder " + dir
                        + "; give the path of the" + " file to write",
                fails(
                                "download",
                                null,
                                Map.of(TileDBConstants.ARRAY, "any", TileDBConstants.OUTPUT_FILE, dir.toString()))
                        .getMessage());
        Path nowhere = dir.resolve("no-such-folder").resolve("n.ipynb");
        assertEquals(
                "The folder of the outputFile option (header CamelTileDBOutputFile), " + nowhere.getParent()
                        + ", does not exist",
                fails(
                                "download",
                                null,
                                Map.of(TileDBConstants.ARRAY, "any", TileDBConstants.OUTPUT_FILE, nowhere.toString()))
                        .getMessage());
        assertEquals(requests, SuiteEmulator.get().recordedExchanges().size(), "nothing was asked of the service");
        assertTrue(Files.isDirectory(dir), "the folder is still there");
    }

    @Test
    void notJsonIsAcceptedWhenValidationIsOff() {
        call("upload", "plain text", Map.of(TileDBConstants.ARRAY, "raw", TileDBConstants.VALIDATE_JSON, false));
        assertEquals("plain text", call("download", null, Map.of(TileDBConstants.ARRAY, "raw")));
    }

    @Test
    void downloadOfAnArrayThatIsNotANotebookIsRefused() {
        assertEquals(
                "tiledb://nora/plain-array is not a notebook (its file_type is null); use tiledb:arrays for arrays",
                fails("download", null, Map.of(TileDBConstants.ARRAY, "plain-array"))
                        .getMessage());
    }

    @Test
    void listShowsOnlyNotebooks() {
        call("upload", NOTEBOOK, Map.of(TileDBConstants.ARRAY, "listed"));
        List<ArrayInfo> mine = (List<ArrayInfo>) call("list", null, Map.of(TileDBConstants.NAMESPACE, NS));
        assertTrue(mine.stream().anyMatch(a -> a.name().equals("listed")));
        assertFalse(mine.stream().anyMatch(a -> a.name().equals("plain-array")));
    }

    /** Issue 13, item 17: a name with control characters is refused before anything is sent. */
    @Test
    void aNameWithControlCharactersIsRefusedBeforeAnyRequest() throws Exception {
        long before = uploads();
        Exception e = fails("upload", NOTEBOOK, Map.of(TileDBConstants.ARRAY, "report\nadmin\t"));
        assertInstanceOf(TileDBConfigurationException.class, e);
        assertTrue(e.getMessage().contains("'report\\u000aadmin\\u0009' holds control characters"), e.getMessage());
        assertEquals(before, uploads(), "nothing uploaded");
    }

    /** Issue 13, item 14: an outputFile in a folder that cannot be written fails before any request, naming the option. */
    @Test
    void anUnwritableOutputFolderFailsBeforeAnyRequest() throws Exception {
        call(
                "upload",
                NOTEBOOK,
                Map.of(TileDBConstants.ARRAY, "unwritable-target", TileDBConstants.ON_EXISTS, "overwrite"));
        long before = SuiteEmulator.get().recordedExchanges().size();
        // /proc refuses new files even to root, which chmod cannot show
        Exception e = fails(
                "download",
                null,
                Map.of(
                        TileDBConstants.ARRAY,
                        "unwritable-target",
                        TileDBConstants.OUTPUT_FILE,
                        "/proc/unwritable-target.ipynb"));
        assertInstanceOf(TileDBConfigurationException.class, e);
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "The folder of the outputFile option (header CamelTileDBOutputFile), /proc, cannot be"
                                        + " written"),
                e.getMessage());
        assertEquals(before, SuiteEmulator.get().recordedExchanges().size(), "no request sent");
    }

    /** Issue 13, item 13: replacing an outputFile is one rename: a reader polling the path always finds a whole file. */
    @Test
    void replacingAnOutputFileNeverLeavesThePathEmpty() throws Exception {
        String big = NOTEBOOK.replace("héllo", "x".repeat(2_000_000));
        call("upload", big, Map.of(TileDBConstants.ARRAY, "replaced", TileDBConstants.ON_EXISTS, "overwrite"));
        Path out = dir.resolve("replaced.ipynb");
        Files.writeString(out, NOTEBOOK);
        java.util.concurrent.atomic.AtomicInteger missing = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                if (!Files.exists(out)) {
                    missing.incrementAndGet();
                }
            }
        });
        reader.start();
        for (int i = 0; i < 5; i++) {
            call(
                    "download",
                    null,
                    Map.of(TileDBConstants.ARRAY, "replaced", TileDBConstants.OUTPUT_FILE, out.toString()));
        }
        done.set(true);
        reader.join();
        assertEquals(0, missing.get(), "the path was never without a file");
        assertEquals(big, Files.readString(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no partial file left");
        }
    }

    /** Issue 13, item 12: eight concurrent uploads of one new name with onExists=fail: exactly one succeeds. */
    @Test
    void concurrentUploadsOfOneNewNameLetExactlyOneWin() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                Exchange reply = template.request("direct:nb", e -> {
                    e.getMessage().setBody(NOTEBOOK);
                    e.getMessage().setHeader(TileDBConstants.OPERATION, "upload");
                    e.getMessage().setHeader(TileDBConstants.ARRAY, "raced");
                });
                return !reply.isFailed();
            }));
        }
        start.countDown();
        int won = 0;
        for (java.util.concurrent.Future<Boolean> result : results) {
            won += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won, "one upload created the notebook, the other seven found it there");
        assertEquals(
                1,
                SuiteEmulator.get().recordedExchanges().stream()
                        .filter(x -> x.method().equals("POST")
                                && x.rawPath().startsWith("/v2/notebooks/" + NS + "/")
                                && x.rawPath().endsWith("/upload")
                                && List.of("raced").equals(x.query().get("name")))
                        .count(),
                "one upload reached the service");
    }
}
