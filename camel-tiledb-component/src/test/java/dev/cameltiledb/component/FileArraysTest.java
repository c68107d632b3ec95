package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.FileCreated;
import dev.cameltiledb.client.model.FileExported;
import dev.cameltiledb.client.model.FileUploaded;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tiledb:files} with a classic address: TileDB-Cloud-Py's {@code tiledb.cloud.files} functions (create a file
 * array from a file in storage, upload, export) and the download of any file array, over HTTP to the emulator.
 */
class FileArraysTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final String NS = "filens";
    private static final byte[] CSV = "day,sales\n1,10\n2,12\n".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void seed() {
        SuiteEmulator.get().seed(new Seed(null, List.of(new Organization(NS, Map.of("alice", "owner"))), null));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:files").to(SuiteEmulator.uri("files", "namespace=" + NS));
                from("direct:arrays").to(SuiteEmulator.arrays("namespace=" + NS));
            }
        };
    }

    private Exchange files(String operation, Object body, Map<String, Object> headers) {
        return template.request("direct:files", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(headers);
            e.getMessage().setHeader(TileDBConstants.OPERATION, operation);
        });
    }

    private static RecordedExchange last(String method, String path) {
        return SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.method().equals(method) && x.rawPath().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path));
    }

    @Test
    void uploadAFileAndReadItBack() {
        Exchange uploaded = files(
                "upload",
                CSV,
                Map.of(
                        Exchange.FILE_NAME,
                        "sales.csv",
                        Exchange.CONTENT_TYPE,
                        "text/csv",
                        TileDBConstants.ARRAY,
                        "sales"));
        FileUploaded answer = uploaded.getMessage().getBody(FileUploaded.class);
        assertEquals("sales", answer.fileName());
        assertEquals("tiledb://filens/sales", uploaded.getMessage().getHeader(TileDBConstants.ASSET_URI));
        assertEquals(answer.id(), uploaded.getMessage().getHeader(TileDBConstants.ASSET_ID));
        RecordedExchange sent = last("POST", "/v2/files/filens/sales/upload");
        assertEquals(List.of(String.valueOf(CSV.length)), sent.query().get("filesize"));
        assertEquals(List.of("sales"), sent.query().get("name"));
        assertEquals(List.of("sales.csv"), sent.query().get("filename"));
        assertEquals(List.of("text/csv"), sent.query().get("mimetype"));

        ArrayInfo info = (ArrayInfo)
                Operations.call(template, "direct:arrays", "info", null, Map.of(TileDBConstants.ARRAY, "sales"));
        assertEquals("file", info.fileType());
        assertEquals("sales.csv", info.fileProperties().get("original_file_name"));

        Exchange download = files(
                "download",
                null,
                Map.of(TileDBConstants.TILEDB_URI, "tiledb://filens/sales", TileDBConstants.DOWNLOAD_AS, "bytes"));
        assertArrayEquals(CSV, download.getMessage().getBody(byte[].class));
        assertEquals(
                "GET", last("GET", "/v1/arrays/filens/sales/query/get_file").method());
    }

    @Test
    void createAFileArrayFromStorageAndExportIt() {
        Exchange created = files(
                "create",
                null,
                Map.of(
                        TileDBConstants.INPUT_URI, "s3://bucket/in/scan.pdf",
                        TileDBConstants.ARRAY, "scan",
                        TileDBConstants.STORAGE_URI, "s3://bucket/files/scan",
                        TileDBConstants.CREDENTIALS_NAME, "lab-creds"));
        FileCreated answer = created.getMessage().getBody(FileCreated.class);
        assertEquals("scan", answer.fileName());
        assertEquals("s3://bucket/files/scan", answer.outputUri());
        assertEquals("tiledb://filens/scan", created.getMessage().getHeader(TileDBConstants.ASSET_URI));
        RecordedExchange sent = last("POST", "/v1/files/filens");
        assertEquals(
                "{\"input_uri\":\"s3://bucket/in/scan.pdf\",\"output_uri\":\"s3://bucket/files/scan\",\"name\":\"scan\"}",
                new String(sent.requestBody(), StandardCharsets.UTF_8));
        assertEquals(List.of("lab-creds"), sent.requestHeaders().get("x-tiledb-cloud-access-credentials-name"));

        FileExported exported = files(
                        "export",
                        null,
                        Map.of(TileDBConstants.ARRAY, "scan", TileDBConstants.STORAGE_URI, "s3://bucket/out/scan.pdf"))
                .getMessage()
                .getBody(FileExported.class);
        assertEquals("s3://bucket/out/scan.pdf", exported.outputUri());
        assertEquals(
                "{\"output_uri\":\"s3://bucket/out/scan.pdf\"}",
                new String(last("POST", "/v1/files/filens/scan/export").requestBody(), StandardCharsets.UTF_8));
    }

    @Test
    void whatNeedsTheWorkspaceFileStoreOrAnInputSaysSo() {
        Exchange listed = files("list", null, Map.of());
        TileDBConfigurationException wrongPlatform =
                assertInstanceOf(TileDBConfigurationException.class, listed.getException());
        assertTrue(
                wrongPlatform.getMessage().contains("tiledb://workspace/teamspace/path"), wrongPlatform.getMessage());
        assertEquals(
                "The create operation needs the inputUri option (header CamelTileDBInputUri)",
                files("create", null, Map.of(TileDBConstants.ARRAY, "x"))
                        .getException()
                        .getMessage());
    }
}
