package dev.cameltiledb.arraylake.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.arraylake.client.model.ApiTokenInfo;
import dev.cameltiledb.arraylake.client.model.BucketConfig;
import dev.cameltiledb.arraylake.client.model.ComputeService;
import dev.cameltiledb.arraylake.client.model.Org;
import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.client.model.RepoMode;
import dev.cameltiledb.arraylake.client.model.RepoStatus;
import dev.cameltiledb.arraylake.client.model.TemporaryCredentials;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.RepoDeletion;
import dev.cameltiledb.arraylake.emulator.RequestLine;
import dev.cameltiledb.arraylake.emulator.ServiceSnapshot;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.cameltiledb.arraylake.component.Fixture.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance table of the docs page: for each function of seed 003 the URI that stands for it, sent over HTTP to
 * the emulator, checked by its reply and by the request the emulator saw.
 */
class SeedFunctionsTest {

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(Fixture::seed);

    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        camel = Fixture.camel(AL.emulator(), Fixture.ADMIN_TOKEN);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    /** Sends to {@code uri}, failing the test with the exchange's exception if there was one. */
    private static Exchange call(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        if (exchange.getException() != null) {
            throw new AssertionError(uri + " failed", exchange.getException());
        }
        return exchange;
    }

    private static Exchange call(String uri) {
        return call(uri, null, Map.of());
    }

    /** The last request the emulator saw. */
    private static RequestLine last() {
        List<RequestLine> all = emu().requests();
        return all.get(all.size() - 1);
    }

    @Test
    void listRepos() {
        emu().createRepo(ORG, "list-a", "main-bucket");
        Exchange reply = call("arraylake:repos?operation=list&org=acme");
        List<?> repos = reply.getMessage().getBody(List.class);
        List<String> names = repos.stream().map(r -> ((Repo) r).name()).toList();
        assertTrue(names.containsAll(List.of("climate", "weather", "list-a")), names.toString());
        assertEquals(new ArrayList<>(names).stream().sorted().toList(), names, "by name, as the service orders");
        assertEquals((long) repos.size(), reply.getMessage().getHeader(ArraylakeConstants.TOTAL_ITEMS));
        assertEquals("GET", last().method());
        assertEquals("/orgs/acme/repos/paginated", last().path());
    }

    @Test
    void listReposOnePageStreamedLimitedAndFiltered() {
        Exchange page = call("arraylake:repos?operation=list&org=acme&page=1&size=1");
        assertEquals(1, page.getMessage().getBody(List.class).size());
        assertEquals(1, page.getMessage().getHeader(ArraylakeConstants.RESULT_SIZE));
        assertTrue(last().query().contains("size=1"), last().query());

        emu().bulkRepos(ORG, "main-bucket", "zz-bulk-", 105);
        Exchange streamed = call("arraylake:repos?operation=list&org=acme&streamResults=true&maxResults=2");
        long listings = Fixture.count(emu(), "GET", "/orgs/acme/repos/paginated");
        List<Object> firstTwo = new ArrayList<>();
        streamed.getMessage().getBody(Iterator.class).forEachRemaining(firstTwo::add);
        assertEquals(2, firstTwo.size(), "maxResults cuts the stream");
        assertEquals(listings, Fixture.count(emu(), "GET", "/orgs/acme/repos/paginated"), "within the first page");
        long total = (Long) streamed.getMessage().getHeader(ArraylakeConstants.TOTAL_ITEMS);
        assertTrue(total > 105, "the totals come from the first page: " + total);

        Iterator<?> all = call("arraylake:repos?operation=list&org=acme&streamResults=true")
                .getMessage()
                .getBody(Iterator.class);
        listings = Fixture.count(emu(), "GET", "/orgs/acme/repos/paginated");
        int seen = 0;
        for (; seen < 100; seen++) {
            all.next();
        }
        assertEquals(listings, Fixture.count(emu(), "GET", "/orgs/acme/repos/paginated"), "one page of 100 read");
        all.forEachRemaining(r -> {});
        assertEquals(listings + 1, Fixture.count(emu(), "GET", "/orgs/acme/repos/paginated"), "the next when needed");

        List<?> filtered = call("arraylake:repos?operation=list&org=acme&filterMetadata={\"team\":\"science\"}")
                .getMessage()
                .getBody(List.class);
        assertEquals(
                List.of("climate"),
                filtered.stream().map(r -> ((Repo) r).name()).toList());
    }

    @Test
    void getRepoObjectAndGetRepo() {
        Repo repo = call("arraylake:repos?operation=get&repo=acme/climate")
                .getMessage()
                .getBody(Repo.class);
        assertEquals("climate", repo.name());
        assertEquals("Climate model runs", repo.description());
        assertEquals("main-bucket", repo.bucket().nickname());
        assertEquals("/repos/acme/climate", last().path());
        assertNull(
                call("arraylake:repos?operation=get&repo=acme/climate")
                        .getMessage()
                        .getHeader(ArraylakeConstants.TEMPORARY_CREDENTIALS),
                "no credentials unless asked for");
    }

    @Test
    void getOrCreateRepo() {
        int before = emu().requests().size();
        Repo existing = call("arraylake:repos?operation=getOrCreate&repo=acme/weather&bucketNickname=main-bucket")
                .getMessage()
                .getBody(Repo.class);
        assertEquals("weather", existing.name());
        assertEquals(List.of("GET /repos/acme/weather"), lines(Fixture.since(emu(), before)));

        before = emu().requests().size();
        Repo created = call("arraylake:repos?operation=getOrCreate&repo=acme/fresh&bucketNickname=gcs-bucket"
                        + "&kind=icechunk&prefix=fresh-prefix")
                .getMessage()
                .getBody(Repo.class);
        assertEquals("gcs-bucket", created.bucket().nickname());
        assertEquals("fresh-prefix", created.prefix());
        assertEquals(List.of("GET /repos/acme/fresh", "POST /orgs/acme/repos"), lines(Fixture.since(emu(), before)));
    }

    @Test
    void createRepo() {
        Repo repo = call(
                        "arraylake:repos?operation=create&repo=acme/new-repo&bucketNickname=main-bucket&prefix=p/new"
                                + "&description=Fresh",
                        Map.of("owner", "ops", "tags", List.of("a", "b")),
                        Map.of())
                .getMessage()
                .getBody(Repo.class);
        assertEquals("new-repo", repo.name());
        assertEquals("Fresh", repo.description());
        assertEquals(Map.of("owner", "ops", "tags", List.of("a", "b")), repo.metadata(), "a Map body is the metadata");
        assertEquals("POST", last().method());
        assertEquals("/orgs/acme/repos", last().path());
        assertEquals("Fresh", emu().repo(ORG, "new-repo").orElseThrow().description());
    }

    @Test
    void deleteRepo() {
        emu().createRepo(ORG, "doomed", "main-bucket");
        emu().createRepo(ORG, "gone-now", "main-bucket");
        call("arraylake:repos?operation=delete&repo=acme/doomed&confirmDelete=true");
        assertEquals("DELETE /orgs/acme/doomed", line(last()));
        assertTrue(emu().repo(ORG, "doomed").orElseThrow().ghost(), "a soft delete leaves a ghost");

        call("arraylake:repos?operation=delete&repo=acme/gone-now&confirmDelete=true&immediate=true&retainData=true");
        RepoDeletion deletion = emu().deletions().stream()
                .filter(d -> d.name().equals("gone-now"))
                .findFirst()
                .orElseThrow();
        assertTrue(deletion.immediate() && deletion.retainData(), deletion.toString());
    }

    @Test
    void modifyRepo() {
        emu().createRepo(ORG, "governed", "main-bucket");
        call("arraylake:repos?operation=modify&repo=acme/governed&addMetadata={\"stage\":\"raw\",\"old\":1}");
        Repo repo = call(
                        "arraylake:repos?operation=modify&repo=acme/governed&description=Governed",
                        null,
                        Map.of(
                                ArraylakeConstants.UPDATE_METADATA,
                                Map.of("stage", "clean"),
                                ArraylakeConstants.REMOVE_METADATA,
                                "old"))
                .getMessage()
                .getBody(Repo.class);
        assertEquals("Governed", repo.description());
        assertEquals(Map.of("stage", "clean"), repo.metadata());
        assertEquals("PATCH /orgs/acme/governed", line(last()));
    }

    @Test
    void setRepoStatus() {
        emu().createRepo(ORG, "maintained", "main-bucket");
        RepoStatus status = call("arraylake:repos?operation=setStatus&repo=acme/maintained&mode=maintenance"
                        + "&message=Reindexing")
                .getMessage()
                .getBody(RepoStatus.class);
        assertEquals(RepoMode.MAINTENANCE, status.mode());
        assertEquals("Reindexing", status.message());
        assertEquals("PUT /orgs/acme/maintained/status", line(last()));
        assertEquals("maintenance", emu().repo(ORG, "maintained").orElseThrow().statusMode());
    }

    @Test
    void temporaryCredentialsOfARepoAndOfABucket() {
        Exchange repo = call("arraylake:repos?operation=get&repo=acme/climate&bucketCredentials=true");
        assertInstanceOf(Repo.class, repo.getMessage().getBody(), "the body stays the repo");
        TemporaryCredentials s3 =
                repo.getMessage().getHeader(ArraylakeConstants.TEMPORARY_CREDENTIALS, TemporaryCredentials.class);
        assertInstanceOf(TemporaryCredentials.S3.class, s3);
        assertTrue(((TemporaryCredentials.S3) s3).accessKeyId().startsWith("ASIA"));
        assertEquals("GET /repos/acme/climate/bucket-credentials", line(last()));

        Exchange bucket = call(
                "arraylake:buckets?operation=get&org=acme&nickname=gcs-bucket&bucketCredentials=true&access=write");
        assertInstanceOf(BucketConfig.class, bucket.getMessage().getBody());
        assertInstanceOf(
                TemporaryCredentials.Gcs.class,
                bucket.getMessage().getHeader(ArraylakeConstants.TEMPORARY_CREDENTIALS));
        assertTrue(last().path().matches("/orgs/acme/buckets/[^/]+/credentials"), last().path());
        assertEquals("access=write", last().query());
    }

    @Test
    void createBucketConfig() {
        BucketConfig bucket = call(
                        "arraylake:buckets?operation=create&org=acme&nickname=new-bucket"
                                + "&bucketUri=s3://acme-new/some/prefix",
                        null,
                        Map.of(
                                ArraylakeConstants.EXTRA_CONFIG, Map.of("region_name", "us-west-2"),
                                ArraylakeConstants.AUTH_CONFIG, Map.of("method", "anonymous")))
                .getMessage()
                .getBody(BucketConfig.class);
        assertEquals("new-bucket", bucket.nickname());
        assertEquals("acme-new", bucket.name());
        assertEquals("some/prefix", bucket.prefix());
        assertEquals("POST /orgs/acme/buckets", line(last()));
    }

    @Test
    void setDefaultAndGetBucketConfig() {
        call("arraylake:buckets?operation=setDefault&org=acme&nickname=gcs-bucket");
        assertTrue(last().path().matches("/orgs/acme/buckets/[^/]+/default"), last().path());
        BucketConfig bucket = call("arraylake:buckets?operation=get&org=acme&nickname=gcs-bucket")
                .getMessage()
                .getBody(BucketConfig.class);
        assertTrue(bucket.isDefault());
        assertTrue(last().path().matches("/orgs/acme/buckets/[^/]+"), last().path());
        call("arraylake:buckets?operation=setDefault&org=acme&nickname=main-bucket");
    }

    @Test
    void listBucketConfigs() {
        Exchange reply = call("arraylake:buckets?operation=list&org=acme");
        List<String> nicknames = ((List<?>) reply.getMessage().getBody())
                .stream().map(b -> ((BucketConfig) b).nickname()).toList();
        assertTrue(nicknames.containsAll(List.of("main-bucket", "gcs-bucket")), nicknames.toString());
        assertEquals("GET /orgs/acme/buckets", line(last()));
        assertEquals(1, reply.getMessage().getHeader(ArraylakeConstants.TOTAL_PAGES));
    }

    @Test
    void listReposForBucketConfig() {
        List<?> repos = call("arraylake:buckets?operation=listRepos&org=acme&nickname=main-bucket")
                .getMessage()
                .getBody(List.class);
        List<String> names = repos.stream().map(r -> ((Repo) r).name()).toList();
        assertTrue(names.containsAll(List.of("climate", "weather")), names.toString());
        assertTrue(last().path().matches("/orgs/acme/buckets/[^/]+/repos"), last().path());
    }

    @Test
    void deleteBucketConfig() {
        call("arraylake:buckets?operation=create&org=acme&nickname=old-bucket&bucketUri=gs://acme-old");
        call("arraylake:buckets?operation=delete&org=acme&nickname=old-bucket&confirmDelete=true");
        assertEquals("DELETE", last().method());
        assertTrue(emu().bucket(ORG, "old-bucket").isEmpty());
    }

    @Test
    void modifyBucketConfig() {
        call("arraylake:buckets?operation=create&org=acme&nickname=movable&bucketUri=gs://acme-movable");
        BucketConfig changed = call(
                        "arraylake:buckets?operation=modify&org=acme&nickname=movable",
                        Map.of("prefix", "moved/here"),
                        Map.of())
                .getMessage()
                .getBody(BucketConfig.class);
        assertEquals("moved/here", changed.prefix());
        assertEquals("PATCH", last().method());
    }

    @Test
    void apiClientIdFromToken() {
        String id = call("arraylake:orgs?operation=apiClientId&org=acme", Fixture.ETL_TOKEN, Map.of())
                .getMessage()
                .getBody(String.class);
        assertEquals(emu().apiClientId(ORG, "etl@acme.example"), id);
        assertEquals("/orgs/acme/api-clients/authenticate", last().path());
    }

    @Test
    void permissionCheck() {
        String bob = emu().principalId(Fixture.BOB);
        Object read = call("arraylake:orgs?operation=checkPermission&org=acme&principalId=" + bob
                        + "&resource=acme/climate&action=CAN_READ")
                .getMessage()
                .getBody();
        assertEquals(Boolean.TRUE, read);
        assertEquals("/orgs/acme/permissions/check", last().path());
        Object write = call(
                        "arraylake:orgs?operation=checkPermission&org=acme&resource=acme/climate&action=CAN_WRITE",
                        null,
                        Map.of(ArraylakeConstants.PRINCIPAL_ID, bob))
                .getMessage()
                .getBody();
        assertEquals(Boolean.FALSE, write, "a viewer cannot write");
    }

    @Test
    void myOrgsAndWhoAmI() {
        List<?> orgs = call("arraylake:orgs?operation=list").getMessage().getBody(List.class);
        assertEquals(List.of(ORG), orgs.stream().map(o -> ((Org) o).name()).toList());
        assertEquals("GET /user/orgs", line(last()));
        Object me = call("arraylake:user").getMessage().getBody();
        assertInstanceOf(ApiTokenInfo.class, me);
        assertEquals("admin@acme.example", ((ApiTokenInfo) me).email());
        assertEquals("GET /user", line(last()));
        assertFalse(emu().requests().stream().anyMatch(r -> !r.authorizationPresent()), "every call sent a token");
    }

    @Test
    void computeServicesListEnableStatusAndDisable() {
        List<?> services =
                call("arraylake:services?operation=list&org=acme").getMessage().getBody(List.class);
        ComputeService edr = (ComputeService) services.get(0);
        assertEquals("edr", edr.name());
        assertEquals("edr", edr.config().serviceType());
        assertEquals("available", edr.status());
        assertEquals("GET /compute/orgs/acme/services", line(last()));

        Exchange enabled = call(
                "arraylake:services?operation=create&org=acme&serviceType=wms&publicAccess=true&deploymentName=wms-prod",
                Map.of("max_replicas", 3),
                Map.of());
        assertEquals(
                "Enabled service wms://acme/wms-prod",
                enabled.getMessage().getBody(Map.class).get("message"));
        assertEquals("POST /compute/orgs/acme/services", line(last()));
        ServiceSnapshot wms = emu().service(ORG, "wms-prod").orElseThrow();
        assertTrue(wms.isPublic());
        assertEquals(3L, wms.config().get("max_replicas"), "a Map body carries further ServiceConfig fields");

        Map<?, ?> status = call(
                        "arraylake:services?operation=get&org=acme",
                        null,
                        Map.of(ArraylakeConstants.SERVICE_ID, "wms-prod"))
                .getMessage()
                .getBody(Map.class);
        assertEquals("available", status.get("status"));
        assertEquals("GET /compute/orgs/acme/services/wms-prod", line(last()));

        Map<?, ?> disabled = call("arraylake:services?operation=delete&org=acme&serviceId=wms-prod&confirmDelete=true")
                .getMessage()
                .getBody(Map.class);
        assertEquals("Disabled service wms://acme/wms-prod", disabled.get("message"));
        assertEquals("DELETE /compute/orgs/acme/services/wms-prod", line(last()));
        assertTrue(emu().service(ORG, "wms-prod").isEmpty());
    }

    @Test
    void computeServiceLogsSplitLineByLine() throws Exception {
        Instant t0 = Instant.parse("2030-06-01T12:00:00Z");
        for (int i = 0; i < 5; i++) {
            emu().appendServiceLog(ORG, "edr", t0.plusSeconds(i), "GET /edr/acme/climate " + i);
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:service-log")
                        .to("arraylake:services?operation=logs&org=acme&serviceId=edr")
                        .split(body())
                        .streaming()
                        .process(e -> lines.add(e.getMessage().getBody(String.class)));
            }
        });
        template.sendBodyAndHeaders(
                "direct:service-log",
                null,
                Map.of(ArraylakeConstants.SINCE, "2030-06-01T12:00:01Z", ArraylakeConstants.TAIL, 2));
        assertEquals(
                List.of(
                        "2030-06-01T12:00:03Z stdout F GET /edr/acme/climate 3",
                        "2030-06-01T12:00:04Z stdout F GET /edr/acme/climate 4"),
                lines);
        assertEquals("/compute/orgs/acme/services/edr/logs", last().path());
        assertEquals("follow_timeout=30&tail=2&since=2030-06-01T12%3A00%3A01Z", last().query());

        lines.clear();
        call("arraylake:services?operation=create&org=acme&serviceType=dap2&deploymentName=dap-follow");
        int streams = emu().openLogStreams();
        CompletableFuture<Exchange> followed = template.asyncSend(
                "direct:service-log",
                e -> e.getMessage()
                        .setHeaders(new HashMap<>(Map.of(
                                ArraylakeConstants.SERVICE_ID,
                                "dap-follow",
                                ArraylakeConstants.FOLLOW,
                                true,
                                ArraylakeConstants.FOLLOW_TIMEOUT,
                                600,
                                ArraylakeConstants.TAIL,
                                1))));
        Fixture.until(() -> emu().openLogStreams() == streams + 1, "the route to follow the log");
        // Camel's splitter looks one part ahead (to set CamelSplitComplete): a line reaches the route once the next
        // one has come, or the log has ended
        emu().appendServiceLog(ORG, "dap-follow", "GET /dap/acme/weather 200");
        Fixture.until(() -> lines.size() == 1, "the last line the log held, once the next one came");
        assertTrue(lines.get(0).contains(" stderr F INFO:     Uvicorn running"), lines.get(0));
        emu().appendServiceLog(ORG, "dap-follow", "GET /dap/acme/climate 200");
        Fixture.until(() -> lines.size() == 2, "the line the service wrote while the route followed the log");
        assertTrue(lines.get(1).endsWith(" stdout F GET /dap/acme/weather 200"), lines.get(1));
        assertFalse(followed.isDone(), "a followed log goes on");
        call("arraylake:services?operation=delete&org=acme&serviceId=dap-follow&confirmDelete=true");
        Exchange done = followed.get(30, TimeUnit.SECONDS);
        assertNull(done.getException(), "the log of a disabled service ends, and the split with it");
        assertEquals(3, lines.size());
        assertTrue(lines.get(2).endsWith(" stdout F GET /dap/acme/climate 200"), lines.get(2));
    }

    private static String line(RequestLine r) {
        return r.method() + " " + r.path();
    }

    private static List<String> lines(List<RequestLine> requests) {
        return requests.stream().map(SeedFunctionsTest::line).toList();
    }
}
