package dev.cameltiledb.component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.client.model.GroupInfo;
import dev.cameltiledb.client.model.workspace.Asset;
import dev.cameltiledb.component.cluster.AssetPartitions;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Change feeds that read what changed: after the baseline, a poll reads the listing most recently accessed (assets:
 * updated) first, and lists whole only every {@code listingRefreshInterval} or when the listing's total shows a gap.
 * Polls are run by hand ({@code startScheduler=false}) and their cost is counted in the emulator's request log.
 */
class ChangeFeedRecencyTest {

    /**
     * Change feed routes polled by hand, on one Camel context: {@link #poll} runs one poll of each and returns the
     * requests they sent about {@code namespace}; what they deliver is kept as "{@code <change> <name>}", except the
     * changes listed in {@link #failing}, whose exchanges fail.
     */
    private static final class Feeds implements AutoCloseable {

        final TileDBEmulator emulator;
        final Predicate<RecordedExchange> about;
        final CamelContext camel = new DefaultCamelContext();
        final ProducerTemplate template;
        final List<String> seen = new ArrayList<>();
        /** Which feed delivered each change. */
        final Map<String, Integer> deliveredBy = new java.util.concurrent.ConcurrentHashMap<>();

        final Set<String> failing = new CopyOnWriteArraySet<>();
        final List<ScheduledPollConsumer> consumers = new ArrayList<>();

        /** One feed per URI, of the emulator's requests that {@code about} matches. */
        Feeds(TileDBEmulator emulator, Predicate<RecordedExchange> about, List<String> uris) throws Exception {
            this.emulator = emulator;
            this.about = about;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < uris.size(); i++) {
                        int feed = i;
                        from(uris.get(i)).routeId("feed" + i).process(e -> delivered(e, feed));
                    }
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
            for (int i = 0; i < uris.size(); i++) {
                consumers.add((ScheduledPollConsumer) camel.getRoute("feed" + i).getConsumer());
            }
        }

        private synchronized void delivered(Exchange e, int feed) {
            Object body = e.getMessage().getBody();
            String name = body instanceof ArrayInfo a
                    ? a.name()
                    : body instanceof GroupInfo g ? g.name() : ((Asset) body).path();
            String change = e.getMessage().getHeader(TileDBConstants.CHANGE) + " " + name;
            if (failing.contains(change)) {
                throw new IllegalStateException("the route refuses " + change);
            }
            seen.add(change);
            deliveredBy.put(change, feed);
        }

        /** One poll of every feed, in turn; the requests they sent. */
        long poll() {
            long before = Await.count(emulator, about);
            consumers.forEach(ScheduledPollConsumer::run);
            return Await.count(emulator, about) - before;
        }

        /** What was delivered since the last call, in order. */
        synchronized List<String> take() {
            List<String> taken = List.copyOf(seen);
            seen.clear();
            return taken;
        }

        Object call(String resource, String options, Object body, Map<String, Object> headers) {
            return template.requestBodyAndHeaders(SuiteEmulator.uri(resource, options), body, headers);
        }

        @Override
        public void close() throws Exception {
            camel.close();
        }
    }

    private static TileDBEmulator classic() {
        return SuiteEmulator.get();
    }

    /** The requests a feed of {@code namespace} sends: its listings and its reads of single assets. */
    private static Predicate<RecordedExchange> about(String namespace) {
        return x -> List.of(namespace).equals(x.query().get("namespace"))
                || x.rawPath().contains("/" + namespace + "/");
    }

    private static Feeds feed(String resource, String namespace, String options) throws Exception {
        return new Feeds(
                classic(),
                about(namespace),
                List.of(SuiteEmulator.uri(resource, "namespace=" + namespace + "&startScheduler=false" + options)));
    }

    private static void register(Feeds feeds, String namespace, String array) {
        feeds.call(
                "arrays",
                "operation=register&namespace=" + namespace + "&array=" + array + "&storageUri=s3://bucket/" + array,
                null,
                Map.of());
    }

    private static void updateArray(Feeds feeds, String namespace, String array, Map<String, Object> fields) {
        feeds.call("arrays", "operation=update&namespace=" + namespace + "&array=" + array, fields, Map.of());
    }

    private static void createGroup(Feeds feeds, String namespace, String group) {
        feeds.call(
                "groups",
                "operation=create&namespace=" + namespace + "&group=" + group + "&storageUri=s3://bucket/" + group,
                null,
                Map.of());
    }

    private static void deregister(Feeds feeds, String namespace, String array) {
        feeds.call("arrays", "operation=deregister&namespace=" + namespace + "&array=" + array, null, Map.of());
    }

    private static boolean recentReadOf(RecordedExchange x, String namespace) {
        return List.of("last_accessed").equals(x.query().get("orderby"))
                && List.of(namespace).equals(x.query().get("namespace"));
    }

    @Test
    void arraysCreatedUpdatedAndDeletedComeByTheRecencyOrder() throws Exception {
        String ns = "recent-arrays";
        SuiteEmulator.namespace(ns, 0);
        try (Feeds feeds = feed("arrays", ns, "")) {
            for (int i = 0; i < 4; i++) {
                register(feeds, ns, "a" + i);
            }
            assertEquals(1, feeds.poll(), "the baseline: one full listing");
            assertEquals(1, feeds.poll(), "an idle poll: one page of the recency order");
            assertEquals(List.of(), feeds.take());
            assertTrue(
                    classic().recordedExchanges().stream().anyMatch(x -> recentReadOf(x, ns)), "read by last access");

            register(feeds, ns, "a4");
            updateArray(feeds, ns, "a1", Map.of("description", "changed"));
            assertEquals(1, feeds.poll(), "both on the first page of the recency order");
            assertEquals(List.of("updated a1", "created a4"), feeds.take(), "most recently accessed first");

            deregister(feeds, ns, "a2");
            assertEquals(3, feeds.poll(), "the recency order shows a gap, so a full listing, and a2's info to confirm");
            assertEquals(List.of("deleted a2"), feeds.take());
            assertTrue(
                    classic().recordedExchanges().stream()
                            .anyMatch(
                                    x -> x.rawPath().equals("/v1/arrays/" + ns + "/a2/metadata") && x.status() == 404),
                    "confirmed gone by its info");
            assertEquals(1, feeds.poll());
            assertEquals(List.of(), feeds.take(), "each change once");
        }
    }

    @Test
    void notebooksCreatedUpdatedAndDeletedComeByTheRecencyOrder() throws Exception {
        String ns = "recent-notebooks";
        SuiteEmulator.namespace(ns, 0);
        try (Feeds feeds = feed("notebooks", ns, "")) {
            register(feeds, ns, "plain");
            register(feeds, ns, "kept");
            updateArray(feeds, ns, "kept", Map.of("file_type", "notebook"));
            register(feeds, ns, "analysis");
            assertEquals(1, feeds.poll(), "the baseline: one notebook");

            updateArray(feeds, ns, "analysis", Map.of("file_type", "notebook"));
            assertEquals(1, feeds.poll());
            assertEquals(List.of("created analysis"), feeds.take());

            updateArray(feeds, ns, "analysis", Map.of("description", "v2"));
            assertEquals(1, feeds.poll());
            assertEquals(List.of("updated analysis"), feeds.take());

            deregister(feeds, ns, "analysis");
            assertEquals(3, feeds.poll(), "gap, full listing, confirming info");
            assertEquals(List.of("deleted analysis"), feeds.take());
        }
    }

    @Test
    void groupsCreatedUpdatedAndDeletedComeByTheRecencyOrder() throws Exception {
        String ns = "recent-groups";
        SuiteEmulator.namespace(ns, 0);
        try (Feeds feeds = feed("groups", ns, "")) {
            createGroup(feeds, ns, "g0");
            createGroup(feeds, ns, "g1");
            assertEquals(1, feeds.poll(), "the baseline");
            assertEquals(1, feeds.poll(), "an idle poll");

            createGroup(feeds, ns, "g2");
            feeds.call(
                    "groups", "operation=update&namespace=" + ns + "&group=g0", Map.of("description", "x"), Map.of());
            assertEquals(1, feeds.poll());
            assertEquals(List.of("updated g0", "created g2"), feeds.take());

            feeds.call("groups", "operation=deregister&namespace=" + ns + "&group=g1", null, Map.of());
            assertEquals(3, feeds.poll(), "gap, full listing, the group's info to confirm");
            assertEquals(List.of("deleted g1"), feeds.take());
        }
    }

    @Test
    void assetsOfAFolderCreatedUpdatedAndDeletedComeByTheUpdateOrder() throws Exception {
        String ts = "acme/research";
        String folder = "recent";
        Predicate<RecordedExchange> about =
                x -> x.rawPath().startsWith("/v4/assets/") && x.rawPath().contains("/" + ts + "/" + folder);
        try (Feeds feeds = new Feeds(
                SuiteWorkspaceEmulator.get(),
                about,
                List.of(SuiteWorkspaceEmulator.uri(
                        "assets", "namespace=" + ts + "&path=" + folder + "&startScheduler=false")))) {
            workspace(feeds, "folders", "operation=create&namespace=" + ts + "&path=" + folder, null);
            upload(feeds, ts, folder + "/kept.txt");
            upload(feeds, ts, folder + "/leaving.txt");
            assertEquals(1, feeds.poll(), "the baseline");
            assertEquals(1, feeds.poll(), "an idle poll");
            assertTrue(
                    SuiteWorkspaceEmulator.get().recordedExchanges().stream()
                            .anyMatch(x -> about.test(x)
                                    && List.of("updated_at desc")
                                            .equals(x.query().get("order_by"))),
                    "read by last update, newest first");

            upload(feeds, ts, folder + "/new.txt");
            workspace(
                    feeds,
                    "assets",
                    "operation=update&namespace=" + ts + "&path=" + folder + "/kept.txt",
                    Map.of("description", "changed"));
            assertEquals(1, feeds.poll());
            assertEquals(Set.of("created recent/new.txt", "updated recent/kept.txt"), new HashSet<>(feeds.take()));

            workspace(
                    feeds,
                    "folders",
                    "operation=removeMembers&namespace=" + ts + "&path=" + folder + "&members=" + folder
                            + "/leaving.txt",
                    null);
            assertEquals(3, feeds.poll(), "gap, full listing, the asset's read to confirm");
            assertEquals(List.of("deleted recent/leaving.txt"), feeds.take());
        }
    }

    private static void workspace(Feeds feeds, String resource, String options, Object body) {
        feeds.template.requestBody(SuiteWorkspaceEmulator.uri(resource, options), body);
    }

    private static void upload(Feeds feeds, String ts, String path) {
        workspace(
                feeds,
                "files",
                "operation=upload&namespace=" + ts + "&path=" + path,
                path.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aChangeThatLeavesNoTraceInTheOrderComesWithTheNextFullListing() throws Exception {
        String ns = "recent-untraced";
        SuiteEmulator.namespace(ns, 0);
        try (Feeds feeds = feed("arrays", ns, "&listingRefreshInterval=3000")) {
            register(feeds, ns, "member");
            register(feeds, ns, "other");
            createGroup(feeds, ns, "shelf");
            feeds.call(
                    "groups",
                    "operation=addMembers&namespace=" + ns,
                    null,
                    Map.of(TileDBConstants.GROUP, "shelf", TileDBConstants.MEMBERS, "member"));
            // other is read a minute from now: member's last access falls below what a recent read reads again
            classic().addActivity(ns, "other", java.time.Instant.now().plusSeconds(60), "query_read", "alice");
            assertEquals(1, feeds.poll(), "the baseline");
            long baselineAt = System.currentTimeMillis();

            // sharing a group shares its arrays, without logging anything on them: their share_count changes, their
            // last access does not
            feeds.call(
                    "groups",
                    "operation=share&namespace=" + ns,
                    null,
                    Map.of(
                            TileDBConstants.GROUP,
                            "shelf",
                            TileDBConstants.TARGET_NAMESPACE,
                            "carol",
                            TileDBConstants.ACTIONS,
                            "read"));
            assertEquals(1, feeds.poll(), "a recent read");
            assertEquals(List.of(), feeds.take(), "which does not show it");

            Await.until(() -> System.currentTimeMillis() - baselineAt >= 3000, "listingRefreshInterval to pass");
            assertEquals(1, feeds.poll(), "the full listing, instead of a recent read");
            assertEquals(List.of("updated member"), feeds.take());
        }
    }

    @Test
    void aChangeWhoseExchangeFailedComesAgainByTheRecencyOrder() throws Exception {
        String ns = "recent-failing";
        SuiteEmulator.namespace(ns, 0);
        try (Feeds feeds = feed("arrays", ns, "")) {
            register(feeds, ns, "a0");
            register(feeds, ns, "a1");
            assertEquals(1, feeds.poll(), "the baseline");

            updateArray(feeds, ns, "a0", Map.of("description", "changed"));
            register(feeds, ns, "a2");
            feeds.failing.add("updated a0");
            assertEquals(1, feeds.poll());
            assertEquals(List.of("created a2"), feeds.take());
            feeds.failing.clear();
            assertEquals(1, feeds.poll(), "the mark stayed where it was: a0 is read again");
            assertEquals(List.of("updated a0"), feeds.take());
            assertEquals(1, feeds.poll());
            assertEquals(List.of(), feeds.take());
        }
    }

    @Test
    void partitionsOnOneNodeReadOneListingPerPoll() throws Exception {
        String ns = "recent-partitions";
        SuiteEmulator.namespace(ns, 0);
        int partitions = 3;
        List<String> uris = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            uris.add(SuiteEmulator.uri(
                    "arrays",
                    "namespace=" + ns + "&startScheduler=false&partitions=" + partitions + "&partition=" + p));
        }
        try (Feeds feeds = new Feeds(classic(), about(ns), uris)) {
            for (int i = 0; i < 9; i++) {
                register(feeds, ns, "a" + i);
            }
            assertEquals(1, feeds.poll(), "three baselines from one full listing");
            assertEquals(1, feeds.poll(), "three idle polls from one page");

            updateArray(feeds, ns, "a1", Map.of("description", "changed"));
            register(feeds, ns, "a9");
            assertEquals(1, feeds.poll(), "three recent reads from one page");
            assertEquals(Set.of("updated a1", "created a9"), new HashSet<>(feeds.take()));
            assertEquals(
                    Map.of(
                            "updated a1",
                            AssetPartitions.partitionOf("tiledb://" + ns + "/a1", partitions),
                            "created a9",
                            AssetPartitions.partitionOf("tiledb://" + ns + "/a9", partitions)),
                    feeds.deliveredBy,
                    "each change from its own partition");

            deregister(feeds, ns, "a5");
            assertEquals(
                    3,
                    feeds.poll(),
                    "every partition sees the gap: one recent page and one full listing between them, and a5's owner"
                            + " asks about it");
            assertEquals(List.of("deleted a5"), feeds.take());
        }
    }
}
