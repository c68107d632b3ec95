package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cameltiledb.client.model.workspace.Asset;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumers on the workspace platform: the activity stream of a teamspace (namespace=workspace/teamspace) and the
 * change feed of one folder's assets ({@code tiledb:assets}).
 */
class WorkspaceConsumersTest extends CamelTestSupport {

    private static final String TS = "acme/research";

    private static TileDBEmulator emulator() {
        return SuiteWorkspaceEmulator.get();
    }

    private void api(String resource, String options, Object body) {
        template.requestBody(SuiteWorkspaceEmulator.uri(resource, options), body);
    }

    @Test
    void theActivityOfATeamspaceArrivesOnce() throws Exception {
        api("arrays", "operation=register&namespace=" + TS + "&array=watched&storageUri=s3://acme/watched", null);
        Instant base = Instant.now().minusSeconds(30);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.add(emulator().addActivity(TS, "watched", base.plusMillis(i * 100L), "query_read", "wanda"));
        }
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(SuiteWorkspaceEmulator.uri(
                                "activity", "namespace=" + TS + "&array=watched&startFrom=beginning&delay=50"))
                        .process(e -> delivered.add(e.getMessage().getHeader(TileDBConstants.EVENT_ID, String.class)
                                + " " + e.getMessage().getHeader(TileDBConstants.ASSET_URI)));
            }
        });
        Await.until(() -> delivered.size() >= 4, "the register event and the three reads");
        Await.requests(
                emulator(), x -> x.rawPath().endsWith("/arrays/acme/research/watched/activity"), 3, "three more polls");
        Set<String> ids = new HashSet<>();
        for (String line : delivered) {
            assertTrue(line.endsWith(" tiledb://acme/research/watched"), line);
            assertTrue(ids.add(line.substring(0, line.indexOf(' '))), "delivered once: " + line);
        }
        assertTrue(ids.containsAll(expected), delivered.toString());
    }

    @Test
    void aFoldersChangeFeedSeesAssetsArriveChangeAndLeave() throws Exception {
        api("folders", "operation=create&namespace=" + TS + "&path=inbox", null);
        api(
                "files",
                "operation=upload&namespace=" + TS + "&path=inbox/existing.txt",
                "v1".getBytes(StandardCharsets.UTF_8));
        api(
                "assets",
                "operation=register&namespace=" + TS
                        + "&path=inbox/leaving&storageUri=s3://acme/leaving&credentialsName=aws-main",
                null);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(SuiteWorkspaceEmulator.uri("assets", "namespace=" + TS + "&path=inbox&delay=50"))
                        .process(e -> seen.add(e.getMessage().getHeader(TileDBConstants.CHANGE) + " "
                                + e.getMessage().getBody(Asset.class).path()));
            }
        });
        // the first poll records what exists; with initialSnapshot=false it emits nothing for it
        Await.requests(
                emulator(),
                x -> x.rawPath().equals("/v4/assets/list/acme/research/inbox"),
                3,
                "the first poll and two more");
        assertEquals(List.of(), seen);

        api(
                "files",
                "operation=upload&namespace=" + TS + "&path=inbox/new.txt",
                "new".getBytes(StandardCharsets.UTF_8));
        api(
                "assets",
                "operation=update&namespace=" + TS + "&path=inbox/existing.txt",
                Map.of("description", "changed"));
        api("folders", "operation=removeMembers&namespace=" + TS + "&path=inbox&members=inbox/leaving", null);

        Await.until(() -> seen.size() >= 3, "three changes");
        Await.requests(
                emulator(), x -> x.rawPath().equals("/v4/assets/list/acme/research/inbox"), 3, "three more polls");
        assertEquals(
                Set.of("created inbox/new.txt", "updated inbox/existing.txt", "deleted inbox/leaving"),
                new HashSet<>(seen));
        assertEquals(3, seen.size(), "each change once");
    }

    @Test
    void aFolderFeedOnAClassicNamespaceFailsAtRouteStart() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(SuiteWorkspaceEmulator.uri("assets", "namespace=acme&delay=50"))
                                .to("log:never");
                    }
                }));
        Throwable cause = e;
        while (cause.getCause() != null && !cause.getMessage().contains("tiledb:assets change feed")) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("set namespace to workspace/teamspace, was 'acme'"), cause.getMessage());
    }
}
