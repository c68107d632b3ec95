package dev.cameltiledb.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.NotebookUploaded;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The URIs of the product's own description work exactly as written: the connection comes from the component's
 * configuration (as {@code camel.component.tiledb.*} properties set it), and a resource may be named in the singular
 * or the plural.
 */
class UrisAsWrittenTest extends CamelTestSupport {

    @TempDir
    static Path dir;

    /** A user as TileDB Cloud sets one up: with a default storage path and its credentials, so uploads need neither. */
    private static final String UMA_TOKEN = "uma-key-0b7c2d";

    @BeforeAll
    static void seed() {
        SuiteEmulator.get()
                .seed(new dev.cameltiledb.emulator.Seed(
                        List.of(new dev.cameltiledb.emulator.User(
                                "uma",
                                "uma@example.com",
                                "uma-password",
                                List.of(UMA_TOKEN),
                                "Uma U",
                                null,
                                null,
                                "s3://uma-bucket/notebooks",
                                "uma-creds")),
                        List.of(new dev.cameltiledb.emulator.Organization("x", java.util.Map.of("uma", "owner"))),
                        java.util.stream.IntStream.range(0, 3)
                                .mapToObj(i -> new dev.cameltiledb.emulator.Seed.SeedArray(
                                        "x", "a" + i, null, null, null, null, null, null))
                                .toList()));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TileDBComponent tiledb = context.getComponent("tiledb", TileDBComponent.class);
        tiledb.getConnection().setHost(SuiteEmulator.get().url());
        tiledb.getConnection().setApiKey(UMA_TOKEN);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").to("tiledb:notebook?operation=upload");
                from("direct:list").to("tiledb:arrays?operation=list&namespace=x");
            }
        };
    }

    @Test
    void notebookUploadAsWritten() throws Exception {
        Path notebook = Files.writeString(dir.resolve("as-written.ipynb"), "{\"cells\": []}");
        NotebookUploaded uploaded = template.requestBodyAndHeader(
                "direct:upload", notebook.toFile(), TileDBConstants.NAMESPACE, "uma", NotebookUploaded.class);
        assertEquals("as-written", uploaded.name());
        assertTrue(
                SuiteEmulator.get().array("uma", "as-written").isPresent(), "the emulator holds the uploaded notebook");
    }

    @Test
    void arraysListAsWritten() {
        List<?> arrays = template.requestBody("direct:list", (Object) null, List.class);
        assertEquals(
                List.of("a0", "a1", "a2"),
                arrays.stream().map(a -> ((ArrayInfo) a).name()).sorted().toList());
    }

    @ParameterizedTest
    @CsvSource({"array,arrays", "arrays,arrays", "notebook,notebooks", "group,groups", "users,user", "user,user"})
    void singularAndPluralNameTheSameResource(String written, String canonical) {
        TileDBEndpoint endpoint = context.getEndpoint("tiledb:" + written + "?operation=info", TileDBEndpoint.class);
        assertEquals(TileDBResource.valueOf(canonical), endpoint.getResource());
    }

    @Test
    void aWorkspaceAddressOnThisClassicServerNamesTheMismatch() {
        org.apache.camel.Exchange reply = template.request(
                "direct:list",
                e -> e.getMessage()
                        .setHeaders(java.util.Map.of(
                                TileDBConstants.OPERATION, "info",
                                TileDBConstants.TILEDB_URI, "tiledb://genomics/research/cohorts/2026")));
        assertTrue(
                reply.getException()
                        .getMessage()
                        .startsWith("tiledb://genomics/research/cohorts/2026 is a workspace address"),
                reply.getException().getMessage());
        assertTrue(reply.getException().getMessage().contains("is a classic TileDB Cloud server"));
    }

    @Test
    void anUnknownResourceNamesTheAcceptedOnes() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("tiledb:notebok?operation=info"));
        assertTrue(
                e.getCause().getMessage().contains("Unknown TileDB resource 'notebok'")
                        && e.getCause()
                                .getMessage()
                                .contains(
                                        "[activity, cells, arrays, groups, notebooks, user, workspaces, teamspaces, assets, folders, files, credentials, tasks,"
                                                + " sql, udfs, taskgraphs]"),
                e.getCause().getMessage());
    }
}
