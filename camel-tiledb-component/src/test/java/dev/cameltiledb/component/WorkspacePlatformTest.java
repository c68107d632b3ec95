package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.cameltiledb.client.FileStat;
import dev.cameltiledb.client.ProfileWriter;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.TileDBConfigurationException;
import dev.cameltiledb.client.model.workspace.AccessCredential;
import dev.cameltiledb.client.model.workspace.Asset;
import dev.cameltiledb.client.model.workspace.AssetMetadata;
import dev.cameltiledb.client.model.workspace.DeploymentUser;
import dev.cameltiledb.client.model.workspace.FileListing;
import dev.cameltiledb.client.model.workspace.Folder;
import dev.cameltiledb.client.model.workspace.SelfUser;
import dev.cameltiledb.client.model.workspace.SpaceMember;
import dev.cameltiledb.client.model.workspace.Teamspace;
import dev.cameltiledb.client.model.workspace.UserWorkspace;
import dev.cameltiledb.client.model.workspace.Workspace;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace platform over HTTP, against the workspace emulator: every function of {@code tiledb.client}
 * (seed 001) one URI away, and the {@code /v4} resources.
 */
class WorkspacePlatformTest extends CamelTestSupport {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(
            SuiteWorkspaceEmulator.WANDA_TOKEN,
            SuiteWorkspaceEmulator.VICTOR_TOKEN,
            SuiteWorkspaceEmulator.SECRET_ACCESS_KEY);

    private static final String TS = "acme/research";

    @TempDir
    Path profiles;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a route that logs the credential it fetched: the secret must not reach the log
                from("direct:credential")
                        .to(SuiteWorkspaceEmulator.uri(
                                "credentials", "operation=get&workspace=acme&credential=aws-main"))
                        .log("fetched ${body}");
            }
        };
    }

    private <T> T call(String resource, String options, Object body, Class<T> type) {
        return template.requestBody(SuiteWorkspaceEmulator.uri(resource, options), body, type);
    }

    private <T> T call(String resource, String options, Class<T> type) {
        return call(resource, options, null, type);
    }

    private static Throwable failure(Runnable call) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, call::run);
        return e.getCause();
    }

    /**
     * Seed 001's login with a user name and password, as {@code tiledb.client} does it: the workspace by name, then a
     * token scoped to it ({@code POST /v4/tokens}), both over basic auth, and every later call with that token; no
     * classic {@code /v1/session}. Here from a profile written by configure(username, password, workspace, host).
     */
    @Test
    void loginWithUserNameAndPasswordAsksForAWorkspaceToken() throws Exception {
        ProfileWriter.configure()
                .username("wanda")
                .password("wanda-password")
                .workspace("acme")
                .host(SuiteWorkspaceEmulator.get().url())
                .profileName("by-password")
                .profileDir(profiles)
                .save();
        int before = SuiteWorkspaceEmulator.get().recordedExchanges().size();

        SelfUser self = template.requestBody(
                "tiledb:user?operation=selfUser&profileName=by-password&profileDir=" + profiles, null, SelfUser.class);
        assertEquals("wanda", self.user().username());

        List<dev.cameltiledb.emulator.RecordedExchange> sent =
                SuiteWorkspaceEmulator.get().recordedExchanges();
        sent = sent.subList(before, sent.size());
        // (serverGeneration auto asks the platform once, after the login, with the token)
        assertEquals(
                List.of("GET /v4/workspaces/acme", "POST /v4/tokens", "GET /v4/capabilities", "GET /v4/users/self"),
                sent.stream().map(x -> x.method() + " " + x.rawPath()).toList());
        String basic = "Basic "
                + java.util.Base64.getEncoder().encodeToString("wanda:wanda-password".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(basic), sent.get(0).requestHeaders().get("authorization"));
        assertEquals(List.of(basic), sent.get(1).requestHeaders().get("authorization"));
        com.fasterxml.jackson.databind.JsonNode asked = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sent.get(1).requestBody());
        assertEquals(
                self.workspaces().get(0).workspaceId(),
                asked.get("workspace_id").asText());
        assertEquals("*", asked.get("scope").asText());
        assertTrue(asked.get("name").asText().startsWith("login-session-"), asked.toString());
        String token = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sent.get(1).responseBody())
                .get("data")
                .get("api_key")
                .asText();
        for (dev.cameltiledb.emulator.RecordedExchange after : sent.subList(2, 4)) {
            assertEquals(List.of(token), after.requestHeaders().get("x-tiledb-rest-api-key"));
            assertEquals(null, after.requestHeaders().get("authorization"), "the password is sent only to log in");
        }
        assertTrue(LOGS.lines().stream().noneMatch(l -> l.contains(token) || l.contains("wanda-password")));
    }

    /** As Python's login: on the workspace platform a user name and password need the workspace to log in to. */
    @Test
    void loginWithUserNameAndPasswordWithoutAWorkspaceNamesWhatIsMissing() {
        Throwable e = failure(() -> template.requestBody(
                "tiledb:user?operation=selfUser&serverGeneration=workspace&username=wanda&password=wanda-password&host="
                        + SuiteWorkspaceEmulator.get().url(),
                (Object) null));
        assertInstanceOf(TileDBConfigurationException.class, e);
        assertTrue(
                e.getMessage()
                        .startsWith("Logging in with a user name and password on the workspace platform"
                                + " needs a workspace: set the workspace option"),
                e.getMessage());
    }

    @Test
    void configureThenLoginFromTheProfileFindsTheWorkspace() {
        // configure(token, workspace, host, profile_name, profile_dir), then login(profile_name, profile_dir)
        ProfileWriter.configure()
                .token(SuiteWorkspaceEmulator.WANDA_TOKEN)
                .workspace("acme")
                .host(SuiteWorkspaceEmulator.get().url())
                .profileName("prod")
                .profileDir(profiles)
                .save();
        String uri = "tiledb:user?operation=workspaceId&profileName=prod&profileDir=" + profiles;
        String id = template.requestBody(uri, null, String.class);
        assertTrue(id.startsWith("ws_"), id);
        Workspace workspace = template.requestBody(
                "tiledb:user?operation=workspace&profileName=prod&profileDir=" + profiles, null, Workspace.class);
        assertEquals("acme", workspace.name());
        assertEquals(id, workspace.workspaceId());
    }

    @Test
    void theUserFunctionsOfTiledbClient() {
        SelfUser self = call("user", "operation=selfUser", SelfUser.class);
        assertEquals("wanda", self.user().username());
        assertEquals(
                List.of("acme"),
                self.workspaces().stream().map(UserWorkspace::name).toList());
        assertEquals("owner", self.workspaces().get(0).self().role());

        DeploymentUser current = call("user", "operation=currentUser", DeploymentUser.class);
        assertEquals("wanda", current.username());
        assertEquals("owner", current.role());
        assertEquals(self.user().id(), current.id());

        @SuppressWarnings("unchecked")
        List<UserWorkspace> workspaces = call("user", "operation=userWorkspaces", List.class);
        assertEquals("acme", workspaces.get(0).name());

        assertEquals(
                "acme",
                call("user", "operation=workspace&workspace=acme", Workspace.class)
                        .name());
        DeploymentUser victor = call("user", "operation=deploymentUser&user=victor", DeploymentUser.class);
        assertEquals("victor", victor.username());
        assertEquals("member", victor.role());
    }

    @Test
    void retriesApplyToTheNewPlatformUnchanged() {
        SuiteWorkspaceEmulator.get().faults().failNext("/v4/users/self", 2, 503);
        long before = Await.count(SuiteWorkspaceEmulator.get(), x -> x.rawPath().equals("/v4/users/self"));
        SelfUser self = call(
                "user", "operation=selfUser&retryBackoffBase=1&retryBackoffMax=1&maxConnections=4", SelfUser.class);
        assertEquals("wanda", self.user().username());
        assertEquals(
                before + 3,
                Await.count(SuiteWorkspaceEmulator.get(), x -> x.rawPath().equals("/v4/users/self")),
                "two 503s, then the answer");
    }

    @Test
    void workspacesAndTheirMembers() {
        Workspace acme = call("workspaces", "operation=get&workspace=acme", Workspace.class);
        assertEquals("ACME's data", acme.description());
        call("workspaces", "operation=update&workspace=acme", Map.of("description", "ACME, all of it"), Object.class);
        assertEquals(
                "ACME, all of it",
                call("workspaces", "operation=get&workspace=acme", Workspace.class)
                        .description());

        @SuppressWarnings("unchecked")
        List<SpaceMember> members = call("workspaces", "operation=listMembers&workspace=acme", List.class);
        assertEquals(
                Map.of("wanda", "owner", "victor", "member"),
                members.stream().collect(java.util.stream.Collectors.toMap(SpaceMember::username, SpaceMember::role)));
        call("workspaces", "operation=updateMember&workspace=acme&user=victor&role=admin", Object.class);
        assertEquals(
                "admin",
                call("workspaces", "operation=getMember&workspace=acme&user=victor", SpaceMember.class)
                        .role());
        call("workspaces", "operation=updateMember&workspace=acme&user=victor&role=member", Object.class);
    }

    @Test
    void teamspacesLifecycleAndMembers() {
        @SuppressWarnings("unchecked")
        List<Teamspace> mine =
                call("teamspaces", "operation=list&workspace=acme&orderBy=name&sortOrder=asc", List.class);
        List<String> names = mine.stream().map(Teamspace::name).toList();
        assertTrue(names.containsAll(List.of("open", "research")), names.toString());
        assertEquals(names.stream().sorted().toList(), names, "ordered by name, ascending");
        @SuppressWarnings("unchecked")
        List<Teamspace> descending =
                call("teamspaces", "operation=list&workspace=acme&orderBy=name&sortOrder=desc", List.class);
        List<String> reversed = new java.util.ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, descending.stream().map(Teamspace::name).toList(), "and descending");

        Teamspace scratch = call(
                "teamspaces",
                "operation=create&workspace=acme",
                Map.of("name", "scratch", "description", "tmp", "visibility", "private"),
                Teamspace.class);
        assertEquals("scratch", scratch.name());
        assertEquals("owner", scratch.self().role());
        call(
                "teamspaces",
                "operation=update&workspace=acme&teamspace=scratch",
                Map.of("description", "temporary"),
                Object.class);
        assertEquals(
                "temporary",
                call("teamspaces", "operation=get&workspace=acme&teamspace=scratch", Teamspace.class)
                        .description());

        call(
                "teamspaces",
                "operation=addMembers&workspace=acme&teamspace=scratch&members=victor&role=editor",
                List.class);
        assertEquals(
                "editor",
                call(
                                "teamspaces",
                                "operation=getMember&workspace=acme&teamspace=scratch&user=victor",
                                SpaceMember.class)
                        .role());
        call("teamspaces", "operation=removeMembers&workspace=acme&teamspace=scratch&members=victor", Object.class);
        assertInstanceOf(
                TileDBApiException.class,
                failure(() -> call(
                        "teamspaces",
                        "operation=getMember&workspace=acme&teamspace=scratch&user=victor",
                        SpaceMember.class)));

        call("teamspaces", "operation=delete&workspace=acme&teamspace=scratch", Object.class);
        TileDBApiException gone = assertInstanceOf(
                TileDBApiException.class,
                failure(() -> call("teamspaces", "operation=get&workspace=acme&teamspace=scratch", Teamspace.class)));
        assertEquals(404, gone.getStatusCode());
    }

    @Test
    void aViewerMayReadButNotChangeATeamspace() {
        String victor = "tiledb:teamspaces?host=" + SuiteWorkspaceEmulator.get().url() + "&apiKey="
                + SuiteWorkspaceEmulator.VICTOR_TOKEN + "&workspace=acme&teamspace=research";
        assertEquals(
                "research",
                template.requestBody(victor + "&operation=get", null, Teamspace.class)
                        .name());
        CamelExecutionException e = assertThrows(
                CamelExecutionException.class,
                () -> template.requestBody(victor + "&operation=update", Map.of("description", "mine now")));
        assertEquals(
                403, assertInstanceOf(TileDBApiException.class, e.getCause()).getStatusCode());
    }

    @Test
    void foldersFilesAndAssetsOfATeamspace() throws Exception {
        Folder reports =
                call("folders", "operation=create&namespace=" + TS + "&path=reports", "quarterly", Folder.class);
        assertEquals("reports", reports.name());

        byte[] csv = "store,total\n1,100\n2,250\n".getBytes(StandardCharsets.UTF_8);
        template.requestBody(
                SuiteWorkspaceEmulator.uri("files", "operation=upload&namespace=" + TS + "&path=reports/q1.csv"), csv);
        FileStat stat = call("files", "operation=stat&namespace=" + TS + "&path=reports/q1.csv", FileStat.class);
        assertEquals(csv.length, stat.size());
        assertArrayEquals(
                csv,
                call(
                        "files",
                        "operation=download&downloadAs=bytes&namespace=" + TS + "&path=reports/q1.csv",
                        byte[].class));
        @SuppressWarnings("unchecked")
        List<FileListing.StoredFile> files =
                call("files", "operation=list&namespace=" + TS + "&prefix=reports/", List.class);
        assertEquals(
                List.of("reports/q1.csv"),
                files.stream().map(FileListing.StoredFile::key).toList());

        @SuppressWarnings("unchecked")
        List<Asset> inReports = call("assets", "operation=list&namespace=" + TS + "&path=reports", List.class);
        assertEquals(
                List.of("reports/q1.csv"), inReports.stream().map(Asset::path).toList());
        Asset sales = call("assets", "operation=get&tiledbUri=tiledb://" + TS + "/sales", Asset.class);
        assertEquals("array", sales.type());
        assertEquals("tiledb://acme/research/sales", sales.tiledbUri());
        @SuppressWarnings("unchecked")
        List<Asset> along = call("assets", "operation=ancestors&namespace=" + TS + "&path=reports/q1.csv", List.class);
        assertEquals(
                List.of("reports", "reports/q1.csv"),
                along.stream().map(Asset::path).toList());

        call(
                "assets",
                "operation=updateMetadata&namespace=" + TS + "&path=sales",
                List.of(Map.of("key", "owner", "value", "finance", "type", "STRING_UTF8")),
                List.class);
        @SuppressWarnings("unchecked")
        List<AssetMetadata> metadata = call("assets", "operation=metadata&namespace=" + TS + "&path=sales", List.class);
        assertTrue(metadata.contains(new AssetMetadata("owner", "finance", "STRING_UTF8")), metadata.toString());
        call("assets", "operation=deleteMetadata&namespace=" + TS + "&path=sales&metadataKeys=owner", Object.class);
        @SuppressWarnings("unchecked")
        List<AssetMetadata> after = call("assets", "operation=metadata&namespace=" + TS + "&path=sales", List.class);
        assertTrue(after.stream().noneMatch(m -> m.key().equals("owner")), after.toString());

        call(
                "assets",
                "operation=register&namespace=" + TS
                        + "&path=imported&storageUri=s3://acme/imported&credentialsName=aws-main",
                Object.class);
        call("assets", "operation=move&namespace=" + TS + "&members=imported&targetFolder=reports", Object.class);
        @SuppressWarnings("unchecked")
        List<Asset> contents = call("folders", "operation=contents&namespace=" + TS + "&path=reports", List.class);
        assertTrue(contents.stream().map(Asset::path).toList().contains("reports/imported"), contents.toString());
        call(
                "assets",
                "operation=update&namespace=" + TS + "&path=reports/imported",
                Map.of("description", "from the old bucket"),
                Object.class);
        assertEquals(
                "from the old bucket",
                call("assets", "operation=get&namespace=" + TS + "&path=reports/imported", Asset.class)
                        .description());
        call(
                "folders",
                "operation=removeMembers&namespace=" + TS + "&path=reports&members=reports/imported",
                Object.class);
        assertEquals(
                "imported",
                call("assets", "operation=get&namespace=" + TS + "&path=imported", Asset.class)
                        .path());
    }

    @Test
    void aStreamOfUnknownLengthIsSpooledSoTheUploadKnowsItsSize() throws Exception {
        byte[] data = "a stream whose length nobody told us".getBytes(StandardCharsets.UTF_8);
        template.requestBody(
                SuiteWorkspaceEmulator.uri("files", "operation=upload&namespace=" + TS + "&path=streamed.txt"),
                new java.io.ByteArrayInputStream(data));
        assertEquals(
                data.length,
                call("files", "operation=stat&namespace=" + TS + "&path=streamed.txt", FileStat.class)
                        .size());
        try (java.io.InputStream in = call(
                "files",
                "operation=download&downloadAs=stream&namespace=" + TS + "&path=streamed.txt",
                java.io.InputStream.class)) {
            assertArrayEquals(data, in.readAllBytes());
        }
        // the client itself refuses a stream without a length before anything is sent
        TileDBConfigurationException unknown = assertThrows(
                TileDBConfigurationException.class,
                () -> dev.cameltiledb.client.UploadBody.of(new java.io.ByteArrayInputStream(data), -1));
        assertTrue(unknown.getMessage().contains("size in advance"), unknown.getMessage());
    }

    @Test
    void credentialsAreListedAndTheirSecretsNeverLogged() {
        @SuppressWarnings("unchecked")
        List<AccessCredential> all = call("credentials", "operation=list&workspace=acme", List.class);
        assertEquals(
                List.of("aws-main"), all.stream().map(AccessCredential::name).toList());
        AccessCredential one = template.requestBody("direct:credential", null, AccessCredential.class);
        assertEquals("AWS", one.provider());
        assertTrue(!one.toString().contains(SuiteWorkspaceEmulator.SECRET_ACCESS_KEY), one.toString());
        assertTrue(LOGS.lines().stream().anyMatch(l -> l.contains("fetched AccessCredential[")), "the route logged it");
    }

    @Test
    void badAddressesNameWhatToFix() {
        Throwable classic = failure(() -> call("arrays", "operation=info&tiledbUri=tiledb://acme/sales", Object.class));
        assertInstanceOf(TileDBConfigurationException.class, classic);
        assertTrue(classic.getMessage().contains("is a classic address"), classic.getMessage());

        Throwable unknownTeamspace =
                failure(() -> call("teamspaces", "operation=get&workspace=acme&teamspace=nope", Teamspace.class));
        assertEquals(
                404,
                assertInstanceOf(TileDBApiException.class, unknownTeamspace).getStatusCode());

        Throwable noPath = failure(() -> call("assets", "operation=get&namespace=" + TS, Asset.class));
        assertTrue(noPath.getMessage().contains("CamelTileDBPath"), noPath.getMessage());

        Throwable noWorkspace = failure(() -> call("teamspaces", "operation=list", List.class));
        assertTrue(noWorkspace.getMessage().contains("No workspace"), noWorkspace.getMessage());
    }
}
