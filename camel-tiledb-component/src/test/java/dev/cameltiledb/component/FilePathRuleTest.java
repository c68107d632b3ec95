package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27, item 14: a {@code tiledb:files} path that breaks the notebook-name rule (control characters, direction
 * overrides, 5,000 characters, a leading {@code /}) is refused before anything is sent, naming the option to fix; no
 * request reaches the file store.
 */
class FilePathRuleTest extends CamelTestSupport {

    private static final String TS = "acme/research";

    private static final Predicate<RecordedExchange> FILE_CALLS =
            x -> x.rawPath().startsWith("/v4/files/");

    private Throwable refusal(String operation, String path) {
        CamelExecutionException e = assertThrows(
                CamelExecutionException.class,
                () -> template.requestBodyAndHeader(
                        SuiteWorkspaceEmulator.uri("files", "operation=" + operation + "&namespace=" + TS),
                        "x".getBytes(StandardCharsets.UTF_8),
                        TileDBConstants.PATH,
                        path));
        return e.getCause();
    }

    @Test
    void pathsNoFileCanHaveAreRefusedBeforeSendingNamingTheOption() {
        long before = Await.count(SuiteWorkspaceEmulator.get(), FILE_CALLS);
        List<String> hostile = List.of(
                "nul\u0000.txt",
                "two\nlines.txt",
                "tab\t.txt",
                "ansi\u001b[31m.txt",
                "rtl\u202etxt.exe",
                "long/" + "p".repeat(5_000),
                "/abs/x.txt",
                "a/../x.txt");
        for (String path : hostile) {
            for (String operation : List.of("upload", "download", "stat")) {
                Throwable why = refusal(operation, path);
                TileDBConfigurationException e = assertInstanceOf(TileDBConfigurationException.class, why);
                assertTrue(
                        e.getMessage().contains("set the path option (header " + TileDBConstants.PATH + ")"),
                        e.getMessage());
                assertTrue(
                        e.getMessage().codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x202e),
                        "the message shows the path escaped: " + e.getMessage());
            }
        }
        assertEquals(before, Await.count(SuiteWorkspaceEmulator.get(), FILE_CALLS), "no file call was sent");
    }

    @Test
    void theSameRuleHoldsForATiledbUri() {
        long before = Await.count(SuiteWorkspaceEmulator.get(), FILE_CALLS);
        CamelExecutionException e = assertThrows(
                CamelExecutionException.class,
                () -> template.requestBodyAndHeader(
                        SuiteWorkspaceEmulator.uri("files", "operation=stat"),
                        null,
                        TileDBConstants.TILEDB_URI,
                        "tiledb://acme/research/reports/q1\u202ecsv.exe"));
        assertTrue(
                e.getCause().getMessage().contains("q1\\u202ecsv.exe"),
                e.getCause().getMessage());
        assertEquals(before, Await.count(SuiteWorkspaceEmulator.get(), FILE_CALLS));
    }

    @Test
    void anOrdinaryPathStillGoesThrough() {
        Exchange done = template.request(
                SuiteWorkspaceEmulator.uri("files", "operation=upload&namespace=" + TS + "&path=rule/ok-2026.csv"),
                x -> x.getMessage().setBody("a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, done.getException());
        assertTrue(done.getMessage().getHeader(TileDBConstants.FILE_ETAG, String.class) != null);
    }
}
