package dev.cameltiledb.arraylake.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.cameltiledb.arraylake.client.model.ApiTokenInfo;
import dev.cameltiledb.arraylake.client.model.DeleteRepo;
import dev.cameltiledb.arraylake.client.model.Org;
import dev.cameltiledb.arraylake.client.model.Page;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoCreate;
import dev.cameltiledb.arraylake.client.model.RepoMode;
import dev.cameltiledb.arraylake.client.model.RepoModify;
import dev.cameltiledb.arraylake.client.model.RepoName;
import dev.cameltiledb.arraylake.client.model.RepoQuery;
import dev.cameltiledb.arraylake.client.model.RepoStatus;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;
import dev.cameltiledb.arraylake.client.model.UserInfo;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.RepoDeletion;
import dev.cameltiledb.arraylake.emulator.RepoSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every repo call and the whoami calls over HTTP against the Arraylake emulator. */
class ReposOverEmulatorTest {

    static final String ADMIN_TOKEN = "ema_adm1n0000000000000000000000000";
    static final String VIEWER_TOKEN = "ema_v1ewer000000000000000000000000";
    static final String BULK_TOKEN = "ema_bulk00000000000000000000000000";
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> b.org("acme")
            .org("bulk")
            .user("alice@example.com", "Alice", "Liddell")
            .member("acme", "alice@example.com", "admin")
            .serviceAccount("acme", "etl@acme.example", ADMIN_TOKEN, "admin")
            .serviceAccount("bulk", "bulk@acme.example", BULK_TOKEN, "admin")
            .serviceAccount("acme", "viewer@acme.example", VIEWER_TOKEN, "viewer")
            .bucket(
                    "acme",
                    "main-bucket",
                    "s3",
                    "acme-data",
                    "",
                    Map.of("region_name", "us-east-1"),
                    Map.of(
                            "method", "aws_customer_managed_role",
                            "external_customer_id", "123456789012",
                            "external_role_name", "arraylake",
                            "shared_secret", "s3cr3t"))
            .bucket(
                    "acme",
                    "gcs-bucket",
                    "gs",
                    "acme-gcs",
                    "",
                    Map.of(),
                    Map.of("method", "gcp_customer_managed_role", "target_service_account", "sa@acme.iam"))
            .bucket(
                    "acme",
                    "azure-bucket",
                    "azure",
                    "acme-az",
                    "",
                    Map.of(),
                    Map.of("method", "azure_credential_delegation", "tenant_id", "t", "storage_account", "acmeacct"))
            .bucket(
                    "bulk",
                    "bulk-bucket",
                    "s3",
                    "bulk-data",
                    "",
                    Map.of("region_name", "eu-west-1"),
                    Map.of("method", "anonymous"))
            .repo("acme", "climate", "main-bucket"));

    static ArraylakeClient admin;
    static ArraylakeClient viewer;
    /** A service token belongs to one org: the bulk org has its own. */
    static ArraylakeClient bulk;

    @BeforeAll
    static void clients() {
        AL.emulator().bulkRepos("bulk", "bulk-bucket", "r-", 250);
        admin = client(ADMIN_TOKEN);
        viewer = client(VIEWER_TOKEN);
        bulk = client(BULK_TOKEN);
    }

    @AfterAll
    static void close() {
        admin.close();
        viewer.close();
        bulk.close();
    }

    static ArraylakeClient client(String token) {
        return EmulatorClients.client(AL, token);
    }

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    private static long requestsTo(String pathPrefix) {
        return emu().requests().stream()
                .filter(r -> r.path().startsWith(pathPrefix))
                .count();
    }

    @Test
    void whoAmIAndMyOrgs() {
        ApiTokenInfo service = assertInstanceOf(ApiTokenInfo.class, admin.user());
        assertEquals("etl@acme.example", service.email());
        assertEquals(emu().apiClientId("acme", "etl@acme.example"), service.clientId());

        try (ArraylakeClient alice =
                client(emu().userTokens("alice@example.com").idToken())) {
            UserInfo user = assertInstanceOf(UserInfo.class, alice.user());
            assertEquals("Liddell", user.familyName());
            assertEquals(emu().principalId("alice@example.com"), user.id());
            assertEquals(List.of("acme"), alice.orgs().stream().map(Org::name).toList());
        }
    }

    @Test
    void getReadsEveryField() {
        Repo repo = admin.repos().get(RepoName.parse("acme/climate"));
        assertEquals("acme/climate", repo.fullName());
        assertTrue(repo.id().matches("[0-9a-f]{24}"), repo.id());
        assertEquals(RepoMode.ONLINE, repo.status().mode());
        assertEquals("main-bucket", repo.bucket().nickname());
        assertEquals(repo.bucket().uri() + "/" + repo.prefix(), repo.location());
        assertTrue(repo.location().startsWith("s3://"), repo.location());
        assertEquals("icechunk", repo.kind());
        assertNotNull(repo.created());
        assertNotNull(repo.updated());
    }

    @Test
    void createOnANamedBucketWithMetadataThenGetOrCreateFindsIt() {
        RepoName name = RepoName.parse("acme/ocean");
        Repo created = admin.repos()
                .create(
                        name,
                        new RepoCreate("gcs-bucket", "icechunk", "ocean/v1", "Sea", Map.of("topic", "sst"), null));
        assertEquals("gcs-bucket", created.bucket().nickname());
        assertEquals("ocean/v1", created.prefix());
        assertEquals(Map.of("topic", "sst"), created.metadata());
        assertEquals("Sea", emu().repo("acme", "ocean").orElseThrow().description());

        long posts =
                emu().requests().stream().filter(r -> r.method().equals("POST")).count();
        Repo again = admin.repos().getOrCreate(name, RepoCreate.defaults());
        assertEquals(created.id(), again.id());
        assertEquals(
                posts,
                emu().requests().stream().filter(r -> r.method().equals("POST")).count());
    }

    @Test
    void getOrCreateCreatesWhatIsMissing() {
        Repo made = admin.repos().getOrCreate(RepoName.parse("acme/fresh"), RepoCreate.onBucket("main-bucket"));
        assertEquals("fresh", made.name());
        assertTrue(emu().repo("acme", "fresh").isPresent());
    }

    @Test
    void modifyChangesDescriptionAndMetadata() {
        RepoName name = RepoName.parse("acme/governed");
        admin.repos().create(name, new RepoCreate(null, null, null, null, Map.of("a", 1, "b", "x"), null));
        Repo changed = admin.repos()
                .modify(name, new RepoModify("new words", Map.of("c", List.of(1, 2)), List.of("a"), Map.of("b", "y")));
        assertEquals("new words", changed.description());
        assertEquals(Map.of("b", "y", "c", List.of(1, 2)), changed.metadata());
        RepoSnapshot snap = emu().repo("acme", "governed").orElseThrow();
        assertEquals(Map.of("b", "y", "c", List.of(1, 2)), snap.metadata());
    }

    @Test
    void addingAnExistingKeyIsAValidationErrorWithTheServicesDetail() {
        RepoName name = RepoName.parse("acme/strict");
        admin.repos().create(name, new RepoCreate(null, null, null, null, Map.of("a", 1), null));
        ArraylakeApiException e = assertThrows(
                ArraylakeApiException.class,
                () -> admin.repos().modify(name, new RepoModify(null, Map.of("a", 2), null, null)));
        assertEquals(422, e.status());
        assertNotNull(e.detail());
        assertTrue(UUID.matcher(e.requestId()).matches(), e.requestId());
        assertTrue(e.getMessage().contains(e.requestId()), e.getMessage());
        assertTrue(e.getMessage().contains("PATCH /orgs/acme/strict"), e.getMessage());
    }

    @Test
    void setStatusAnswersTheNewStatus() {
        RepoName name = RepoName.parse("acme/windowed");
        admin.repos().create(name, RepoCreate.defaults());
        RepoStatus status = admin.repos().setStatus(name, RepoMode.MAINTENANCE, "compaction");
        assertEquals(RepoMode.MAINTENANCE, status.mode());
        assertEquals("compaction", status.message());
        assertEquals(
                emu().apiClientId("acme", "etl@acme.example"),
                status.initiatedBy().get("principal_id"));
        assertEquals("maintenance", emu().repo("acme", "windowed").orElseThrow().statusMode());
    }

    @Test
    void softDeleteLeavesAGhostListedOnlyOnRequest() {
        RepoName name = RepoName.parse("acme/doomed");
        admin.repos().create(name, RepoCreate.defaults());
        admin.repos().delete(name, DeleteRepo.confirmedSoft());
        assertTrue(emu().repo("acme", "doomed").orElseThrow().ghost());
        assertThrows(ArraylakeNotFoundException.class, () -> admin.repos().get(name));
        assertFalse(names(admin.repos().list("acme", RepoQuery.all())).contains("doomed"));
        List<Repo> withGhosts = admin.repos().list("acme", RepoQuery.all().withGhosts(true));
        Repo ghost = withGhosts.stream()
                .filter(r -> r.name().equals("doomed"))
                .findFirst()
                .orElseThrow();
        assertEquals(RepoMode.OFFLINE, ghost.status().mode());
    }

    @Test
    void immediateDeleteWithRetainedDataSendsBothOptions() {
        RepoName name = RepoName.parse("acme/gone");
        admin.repos().create(name, RepoCreate.defaults());
        admin.repos().delete(name, new DeleteRepo(true, true, true));
        RepoDeletion deletion = emu().deletions().stream()
                .filter(d -> d.name().equals("gone"))
                .findFirst()
                .orElseThrow();
        assertTrue(deletion.immediate());
        assertTrue(deletion.retainData());
    }

    @Test
    void anUnconfirmedDeleteSendsNothing() {
        int before = emu().requests().size();
        assertThrows(
                ArraylakeConfirmationException.class,
                () -> admin.repos().delete(RepoName.parse("acme/climate"), new DeleteRepo(false, true, false)));
        assertEquals(before, emu().requests().size());
        assertFalse(emu().repo("acme", "climate").orElseThrow().ghost());
    }

    @Test
    void badNamesAreRefusedBeforeAnyRequest() {
        int before = emu().requests().size();
        ArraylakeNameException e =
                assertThrows(ArraylakeNameException.class, () -> admin.repos().get(RepoName.parse("acme/-bad")));
        assertTrue(e.getMessage().contains("word character"), e.getMessage());
        assertThrows(ArraylakeNameException.class, () -> admin.repos().page("a c", RepoQuery.all()));
        assertThrows(
                ArraylakeNameException.class,
                () -> admin.repos().create(RepoName.parse("acme/ok-name"), RepoCreate.onBucket("no")));
        assertEquals(before, emu().requests().size());
    }

    @Test
    void unknownRepoIsNotFoundWithDetailAndRequestId() {
        ArraylakeNotFoundException e = assertThrows(
                ArraylakeNotFoundException.class, () -> admin.repos().get(RepoName.parse("acme/nope")));
        assertEquals(404, e.status());
        assertNotNull(e.detail());
        assertTrue(UUID.matcher(e.requestId()).matches(), e.requestId());
        assertEquals("/repos/acme/nope", e.path());
    }

    @Test
    void takenNamesConflictAndV1IsRefused() {
        assertThrows(
                ArraylakeConflictException.class,
                () -> admin.repos().create(RepoName.parse("acme/climate"), RepoCreate.defaults()));
        ArraylakeValidationException v1 = assertThrows(
                ArraylakeValidationException.class,
                () -> admin.repos()
                        .create(RepoName.parse("acme/legacy"), new RepoCreate(null, "v1", null, null, null, null)));
        assertTrue(v1.getMessage().contains("v1"), v1.getMessage());
    }

    @Test
    void aViewerMayNotWrite() {
        ArraylakeAuthException e = assertThrows(
                ArraylakeAuthException.class,
                () -> viewer.repos().setStatus(RepoName.parse("acme/climate"), RepoMode.OFFLINE, null));
        assertEquals(403, e.status());
    }

    @Test
    void filterMetadataSelects() {
        admin.repos()
                .create(
                        RepoName.parse("acme/tagged"),
                        new RepoCreate(null, null, null, null, Map.of("team", List.of("ops", "geo")), null));
        List<Repo> geo = admin.repos().list("acme", RepoQuery.all().withFilterMetadata(Map.of("team", "geo")));
        assertEquals(List.of("tagged"), names(geo));
    }

    @Test
    void onePageCarriesTheTotals() {
        Page<Repo> page = bulk.repos().page("bulk", RepoQuery.all().withPage(2, 30));
        assertEquals(250, page.total());
        assertEquals(2, page.page());
        assertEquals(30, page.size());
        assertEquals(9, page.pages());
        assertEquals(30, page.items().size());
        assertTrue(page.hasNext());
    }

    @Test
    void streamingFetchesTheNextPageOnlyWhenAsked() {
        String listing = "/orgs/bulk/repos/paginated";
        long before = requestsTo(listing);
        Iterator<Repo> repos = bulk.repos().stream("bulk", RepoQuery.all());
        assertEquals(before, requestsTo(listing), "creating the stream sends nothing");

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            seen.add(repos.next().name());
        }
        assertEquals(before + 1, requestsTo(listing), "100 repos come from one page");
        assertTrue(repos.hasNext());
        assertEquals(before + 2, requestsTo(listing), "asking past page 1 fetches page 2");
        assertEquals(250, ((RepoStream) repos).firstPage().total());
        repos.forEachRemaining(r -> seen.add(r.name()));
        assertEquals(before + 3, requestsTo(listing));
        assertEquals(250, seen.size());
        assertEquals(250, seen.stream().distinct().count());
        assertEquals(seen.stream().sorted().toList(), seen, "the service orders by name");
    }

    @Test
    void repoBucketCredentialsHaveThePlatformsShape() {
        TemporaryCredentials s3 = admin.repos().bucketCredentials(RepoName.parse("acme/climate"));
        TemporaryCredentials.S3 aws = assertInstanceOf(TemporaryCredentials.S3.class, s3);
        assertTrue(aws.accessKeyId().startsWith("ASIA"));
        assertNotNull(aws.expiration());
        assertFalse(s3.toString().contains(aws.secretAccessKey()));

        admin.repos().create(RepoName.parse("acme/on-azure"), RepoCreate.onBucket("azure-bucket"));
        TemporaryCredentials.Azure az = assertInstanceOf(
                TemporaryCredentials.Azure.class, admin.repos().bucketCredentials(RepoName.parse("acme/on-azure")));
        assertEquals("acmeacct", az.storageAccount());
    }

    @Test
    void retryableFaultsOfTheEmulatorAreRetriedAsItAsks() {
        List<Long> waits = new ArrayList<>();
        try (ArraylakeClient c = ArraylakeClient.create(ArraylakeSettings.builder()
                .serviceUri(emu().url())
                .token(ADMIN_TOKEN)
                .sleeper(waits::add)
                .build())) {
            emu().faults().failNext(2, 503, "GET", "/repos/acme/climate", 1);
            long before = requestsTo("/repos/acme/climate");
            assertEquals(
                    "climate", c.repos().get(RepoName.parse("acme/climate")).name());
            assertEquals(before + 3, requestsTo("/repos/acme/climate"));
            assertEquals(List.of(1_000L, 1_000L), waits);
        }
    }

    private static List<String> names(List<Repo> repos) {
        return repos.stream().map(Repo::name).toList();
    }
}
