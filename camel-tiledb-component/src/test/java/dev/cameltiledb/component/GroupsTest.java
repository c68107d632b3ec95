package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.cameltiledb.client.model.GroupCreated;
import dev.cameltiledb.client.model.GroupEntry;
import dev.cameltiledb.client.model.GroupInfo;
import dev.cameltiledb.client.model.GroupSharing;
import dev.cameltiledb.emulator.GroupSnapshot;
import dev.cameltiledb.emulator.Organization;
import dev.cameltiledb.emulator.Seed;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every tiledb:groups operation against the emulator, on a nested hierarchy: lab > genomics > arrays. */
class GroupsTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN, SuiteEmulator.BOB_TOKEN);

    private static final String NS = "grp";

    @BeforeAll
    static void seed() {
        List<Seed.SeedArray> arrays = new ArrayList<>();
        IntStream.rangeClosed(1, 25)
                .forEach(i -> arrays.add(new Seed.SeedArray(
                        NS,
                        String.format("sample-%02d", i),
                        null,
                        null,
                        i % 5 == 0 ? List.of("qc") : List.of(),
                        null,
                        null,
                        null)));
        arrays.add(new Seed.SeedArray(NS, "reads", null, "raw reads", List.of("raw"), null, null, null));
        SuiteEmulator.get().seed(new Seed(null, List.of(new Organization(NS, Map.of("alice", "owner"))), arrays));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String base = "tiledb:groups?namespace=" + NS + "&host="
                        + SuiteEmulator.get().url();
                from("direct:alice").to(base + "&apiKey=" + SuiteEmulator.ALICE_TOKEN);
                from("direct:bob").to(base + "&apiKey=" + SuiteEmulator.BOB_TOKEN);
            }
        };
    }

    private Object alice(String operation, Object body, Map<String, Object> headers) {
        return Operations.call(template, "direct:alice", operation, body, headers);
    }

    private void hierarchy(String top, String child) {
        alice(
                "create",
                null,
                Map.of(TileDBConstants.GROUP, top, TileDBConstants.STORAGE_URI, "s3://bucket/groups/" + top));
        alice(
                "register",
                Map.of("description", "sub-group"),
                Map.of(
                        TileDBConstants.GROUP,
                        child,
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/groups/" + child,
                        TileDBConstants.PARENT,
                        top));
    }

    @Test
    void createRegisterNestedAndInfo() {
        GroupCreated created = (GroupCreated) alice(
                "create",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "lab",
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/groups/lab",
                        TileDBConstants.CREDENTIALS_NAME,
                        "lab-creds"));
        assertEquals("tiledb://grp/lab", created.tiledbUri());
        alice(
                "register",
                Map.of("description", "genomics data", "tags", List.of("bio")),
                Map.of(
                        TileDBConstants.GROUP,
                        "genomics",
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/groups/genomics",
                        TileDBConstants.PARENT,
                        "lab"));
        alice(
                "addMembers",
                null,
                Map.of(TileDBConstants.GROUP, "genomics", TileDBConstants.MEMBERS, "reads,tiledb://grp/sample-01"));

        GroupInfo lab = (GroupInfo) alice("info", null, Map.of(TileDBConstants.GROUP, "lab"));
        assertEquals(1, lab.groupCount());
        assertEquals(0, lab.assetCount());
        GroupInfo genomics =
                (GroupInfo) alice("info", null, Map.of(TileDBConstants.TILEDB_URI, "tiledb://grp/genomics"));
        assertEquals("genomics data", genomics.description());
        assertEquals(List.of("bio"), genomics.tags());
        assertEquals(2, genomics.assetCount());
        assertEquals(
                List.of("tiledb://grp/reads", "tiledb://grp/sample-01"),
                SuiteEmulator.get().group(NS, "genomics").orElseThrow().members());
    }

    @Test
    void flatParentAndTopLevelListings() {
        hierarchy("top-a", "child-a");
        List<GroupInfo> topLevel = (List<GroupInfo>) alice("list", null, Map.of(TileDBConstants.FLAT, false));
        List<String> topNames = topLevel.stream().map(GroupInfo::name).toList();
        assertTrue(topNames.contains("top-a"));
        assertFalse(topNames.contains("child-a"), "flat=false hides nested groups");
        List<String> flat = ((List<GroupInfo>) alice("list", null, Map.of(TileDBConstants.FLAT, true)))
                .stream().map(GroupInfo::name).toList();
        assertTrue(flat.containsAll(List.of("top-a", "child-a")));
        String parentId = SuiteEmulator.get().group(NS, "top-a").orElseThrow().id();
        assertEquals(
                List.of("child-a"),
                ((List<GroupInfo>) alice("list", null, Map.of(TileDBConstants.PARENT, parentId)))
                        .stream().map(GroupInfo::name).toList());
        assertEquals(List.of("false"), lastQuery("/v1/groups/browser/owned", "flat", 3), "flat=false as sent");
    }

    /**
     * TileDB-Cloud-Py always sends {@code flat} (true unless told); the service, as its spec says, lists only top-level
     * groups without it. So a list that names no flat sends true and sees the nested groups too.
     */
    @Test
    void aListWithoutFlatSendsFlatTrueAsThePythonClientDoesAndSeesNestedGroups() {
        hierarchy("top-b", "child-b");
        List<String> names = ((List<GroupInfo>) alice("list", null, Map.of()))
                .stream().map(GroupInfo::name).toList();
        assertTrue(names.containsAll(List.of("top-b", "child-b")), names.toString());
        assertEquals(List.of("true"), lastQuery("/v1/groups/browser/owned", "flat", 1), "flat=true as sent");
    }

    @Test
    void contentsPagePastOnePageAndFilter() {
        alice(
                "create",
                null,
                Map.of(TileDBConstants.GROUP, "samples", TileDBConstants.STORAGE_URI, "s3://bucket/groups/samples"));
        List<String> all = IntStream.rangeClosed(1, 25)
                .mapToObj(i -> String.format("sample-%02d", i))
                .toList();
        alice("addMembers", null, Map.of(TileDBConstants.GROUP, "samples", TileDBConstants.MEMBERS, all));
        Exchange reply = template.request("direct:alice", e -> {
            e.getMessage().setHeader(TileDBConstants.OPERATION, "contents");
            e.getMessage().setHeader(TileDBConstants.GROUP, "samples");
            e.getMessage().setHeader(TileDBConstants.PER_PAGE, 10);
        });
        List<GroupEntry> entries = reply.getMessage().getBody(List.class);
        assertEquals(all, entries.stream().map(e -> e.array().name()).toList());
        assertEquals(25L, reply.getMessage().getHeader(TileDBConstants.TOTAL_ITEMS));
        assertEquals(3L, reply.getMessage().getHeader(TileDBConstants.TOTAL_PAGES));
        List<GroupEntry> qc = (List<GroupEntry>) alice(
                "contents",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "samples",
                        TileDBConstants.TAGS,
                        "qc",
                        TileDBConstants.MEMBER_TYPES,
                        "array"));
        assertEquals(
                List.of("sample-05", "sample-10", "sample-15", "sample-20", "sample-25"),
                qc.stream().map(e -> e.array().name()).toList());
        alice(
                "removeMembers",
                null,
                Map.of(TileDBConstants.GROUP, "samples", TileDBConstants.MEMBERS, "sample-01,sample-02"));
        assertEquals(
                23,
                SuiteEmulator.get().group(NS, "samples").orElseThrow().members().size());
    }

    @Test
    void sharingAGroupSharesItsMembersAndPublicMakesItPublic() {
        hierarchy("shared-top", "shared-child");
        alice("addMembers", null, Map.of(TileDBConstants.GROUP, "shared-child", TileDBConstants.MEMBERS, "sample-03"));
        alice(
                "share",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "shared-top",
                        TileDBConstants.TARGET_NAMESPACE,
                        "carol",
                        TileDBConstants.ACTIONS,
                        "read,read_array_logs"));
        List<GroupSharing> policies =
                (List<GroupSharing>) alice("sharingPolicies", null, Map.of(TileDBConstants.GROUP, "shared-top"));
        assertEquals(
                List.of(new GroupSharing(List.of("read"), List.of("read", "read_array_logs"), "carol", "user")),
                policies);
        assertEquals(
                Map.of("carol", List.of("read")),
                SuiteEmulator.get().group(NS, "shared-child").orElseThrow().sharing(),
                "recursive into sub-groups");
        assertEquals(
                Map.of("carol", List.of("read", "read_array_logs")),
                SuiteEmulator.get().array(NS, "sample-03").orElseThrow().sharing(),
                "and into their arrays");

        alice("unshare", null, Map.of(TileDBConstants.GROUP, "shared-top", TileDBConstants.TARGET_NAMESPACE, "carol"));
        assertEquals(
                Map.of(),
                SuiteEmulator.get().array(NS, "sample-03").orElseThrow().sharing());

        alice(
                "share",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "shared-top",
                        TileDBConstants.TARGET_NAMESPACE,
                        "public",
                        TileDBConstants.ACTIONS,
                        "read"));
        List<String> publicGroups = ((List<GroupInfo>) alice("listPublic", null, Map.of(TileDBConstants.NAMESPACE, NS)))
                .stream().map(GroupInfo::name).toList();
        assertTrue(publicGroups.containsAll(List.of("shared-top", "shared-child")), publicGroups.toString());
        assertTrue(SuiteEmulator.get().array(NS, "sample-03").orElseThrow().isPublic());
    }

    @Test
    void readOnlyMemberCannotChangeAndSharedListingShowsGroupsSharedWithMe() {
        alice(
                "create",
                null,
                Map.of(TileDBConstants.GROUP, "for-bob", TileDBConstants.STORAGE_URI, "s3://bucket/groups/for-bob"));
        alice(
                "share",
                Map.of("namespace", "bob", "actions", List.of("read")),
                Map.of(TileDBConstants.GROUP, "for-bob"));
        List<GroupInfo> shared = (List<GroupInfo>)
                Operations.call(template, "direct:bob", "listShared", null, Map.of(TileDBConstants.SHARED_TO, "bob"));
        assertTrue(shared.stream().anyMatch(g -> g.name().equals("for-bob")));
        Exchange denied = template.request("direct:bob", e -> {
            e.getMessage().setHeader(TileDBConstants.OPERATION, "update");
            e.getMessage().setHeader(TileDBConstants.GROUP, "for-bob");
            e.getMessage().setBody(Map.of("description", "bob was here"));
        });
        assertEquals(403, ((dev.cameltiledb.client.TileDBApiException) denied.getException()).getStatusCode());
    }

    @Test
    void updateChangesOnlyWhatIsSet() {
        alice(
                "create",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "updatable",
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/groups/updatable"));
        alice(
                "update",
                Map.of("description", "now described", "tags", List.of("x")),
                Map.of(TileDBConstants.GROUP, "updatable"));
        GroupSnapshot g = SuiteEmulator.get().group(NS, "updatable").orElseThrow();
        assertEquals("now described", g.description());
        assertEquals(List.of("x"), g.tags());
        assertEquals("s3://bucket/groups/updatable", g.uri());
    }

    @Test
    void deregisterKeepsMembersRecursiveDeleteRemovesThem() {
        hierarchy("keep-top", "keep-child");
        alice("addMembers", null, Map.of(TileDBConstants.GROUP, "keep-child", TileDBConstants.MEMBERS, "sample-04"));
        alice("deregister", null, Map.of(TileDBConstants.GROUP, "keep-top"));
        assertTrue(SuiteEmulator.get().group(NS, "keep-top").isEmpty());
        assertTrue(SuiteEmulator.get().group(NS, "keep-child").isPresent(), "not recursive: the child stays");

        hierarchy("doomed-top", "doomed-child");
        Operations.call(
                template,
                "direct:alice",
                "register",
                null,
                Map.of(
                        TileDBConstants.GROUP,
                        "doomed-grandchild",
                        TileDBConstants.STORAGE_URI,
                        "s3://bucket/groups/doomed-grandchild",
                        TileDBConstants.PARENT,
                        "doomed-child"));
        alice(
                "addMembers",
                null,
                Map.of(TileDBConstants.GROUP, "doomed-grandchild", TileDBConstants.MEMBERS, "sample-06"));
        alice("delete", null, Map.of(TileDBConstants.GROUP, "doomed-top", TileDBConstants.RECURSIVE, true));
        assertTrue(SuiteEmulator.get().group(NS, "doomed-child").isEmpty());
        assertTrue(SuiteEmulator.get().group(NS, "doomed-grandchild").isEmpty());
        assertTrue(SuiteEmulator.get().array(NS, "sample-06").isEmpty(), "recursive delete removes the arrays too");
        assertEquals(List.of("true"), lastQuery("/v2/groups/grp/doomed-top/delete", "recursive", 1));
    }

    @Test
    void missingNameOrMembersNameTheOptions() {
        Exchange noName =
                template.request("direct:alice", e -> e.getMessage().setHeader(TileDBConstants.OPERATION, "create"));
        assertTrue(
                noName.getException()
                        .getMessage()
                        .startsWith("The create operation needs the group's name (group option,"
                                + " header CamelTileDBGroup"),
                noName.getException().getMessage());
        Exchange noMembers = template.request("direct:alice", e -> {
            e.getMessage().setHeader(TileDBConstants.OPERATION, "addMembers");
            e.getMessage().setHeader(TileDBConstants.GROUP, "lab");
        });
        assertEquals(
                "The addMembers operation needs the members option (header CamelTileDBMembers)",
                noMembers.getException().getMessage());
        Exchange noGroup =
                template.request("direct:alice", e -> e.getMessage().setHeader(TileDBConstants.OPERATION, "info"));
        assertEquals(
                "The info operation needs an asset: set the namespace and group options (headers CamelTileDBNamespace,"
                        + " CamelTileDBGroup) or the tiledbUri option (header CamelTileDBTiledbUri)",
                noGroup.getException().getMessage());
    }

    private static List<String> lastQuery(String path, String param, int fromEnd) {
        List<dev.cameltiledb.emulator.RecordedExchange> matching = SuiteEmulator.get().recordedExchanges().stream()
                .filter(x -> x.rawPath().equals(path))
                .toList();
        return matching.get(matching.size() - fromEnd).query().get(param);
    }
}
