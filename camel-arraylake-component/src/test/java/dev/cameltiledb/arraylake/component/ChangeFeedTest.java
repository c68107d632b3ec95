package dev.cameltiledb.arraylake.component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.emulator.ArraylakeEmulator;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repo change feed of an org over HTTP: the four kinds of change, the initial snapshot, paging over hundreds of
 * repos, state across a restart, and at-least-once delivery when a route fails or the process stops between an
 * exchange and the write of its state. Each test watches an org of its own; waits are on the emulator's request log
 * (a poll's listing) and on what the route saw, never on the clock.
 */
class ChangeFeedTest {

    private static final List<String> ORGS = List.of(
            "feed-kinds",
            "feed-snapshot",
            "feed-paging",
            "feed-restart",
            "feed-failing",
            "feed-crash",
            "feed-outage",
            "feed-shift",
            "feed-shared-state");

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(b -> {
        Fixture.seed(b);
        for (String org : ORGS) {
            b.org(org)
                    .member(org, Fixture.ALICE, "admin")
                    .bucket(
                            org,
                            "store",
                            "s3",
                            org + "-data",
                            "",
                            Map.of("region_name", "us-east-1"),
                            Map.of("method", "anonymous"));
        }
    });

    @TempDir
    Path dir;

    private static ArraylakeEmulator emu() {
        return AL.emulator();
    }

    private static String alice() {
        return emu().userTokens(Fixture.ALICE).idToken();
    }

    private static String listing(String org) {
        return "/orgs/" + org + "/repos/paginated";
    }

    /** A running feed: what it saw as "{@code <type> <org/name>}", and the context to stop. */
    private record Feed(CamelContext camel, List<String> seen) implements AutoCloseable {

        ProducerTemplate template() {
            return camel.createProducerTemplate();
        }

        @Override
        public void close() throws Exception {
            camel.close();
        }
    }

    /**
     * Starts {@code from("arraylake:repos?org=<org>&delay=20&stateRepository=#state" + options)}; {@code failOn}
     * decides per change whether the route throws after it recorded the change.
     */
    private static Feed feed(
            String org,
            String options,
            StateRepository<String, String> state,
            java.util.function.Predicate<String> failOn)
            throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CamelContext camel = Fixture.camel(emu(), alice());
        camel.getRegistry().bind("state", state);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("arraylake:repos?org=" + org + "&delay=20&stateRepository=#state" + options)
                        .routeId("feed-" + org)
                        .process(e -> {
                            String change = e.getMessage().getHeader(ArraylakeConstants.CHANGE_TYPE) + " "
                                    + e.getMessage().getHeader(ArraylakeConstants.REPO);
                            assertEquals(
                                    e.getMessage().getHeader(ArraylakeConstants.REPO),
                                    e.getMessage().getBody(Repo.class).fullName());
                            seen.add(change);
                            if (failOn.test(change)) {
                                throw new IllegalStateException("the sink failed after " + change);
                            }
                        });
            }
        });
        camel.start();
        return new Feed(camel, seen);
    }

    private static Feed feed(String org, String options, StateRepository<String, String> state) throws Exception {
        return feed(org, options, state, change -> false);
    }

    /** Waits for {@code n} more listings of the org's first page: the polls before them have completed. */
    private static void polls(String org, int n) {
        long now = Fixture.count(emu(), "GET", listing(org));
        Fixture.awaitRequests(emu(), "GET", listing(org), now + n);
    }

    private static void awaitSeen(Feed feed, String change) {
        Fixture.until(() -> feed.seen().contains(change), change + " in " + feed.seen());
    }

    @Test
    void createdUpdatedStatusChangedAndDeleted() throws Exception {
        String org = "feed-kinds";
        emu().createRepo(org, "steady", "store");
        emu().createRepo(org, "touched", "store");
        emu().createRepo(org, "flagged", "store");
        CountingStateRepository state = new CountingStateRepository();
        try (Feed feed = feed(org, "", state)) {
            Fixture.until(() -> state.getState("arraylake:repos:" + org) != null, "the baseline");
            polls(org, 3);
            assertEquals(List.of(), feed.seen(), "the baseline emits nothing");
            assertEquals(1, state.writes.get(), "quiet polls write nothing");

            emu().createRepo(org, "newcomer", "store");
            awaitSeen(feed, "created feed-kinds/newcomer");
            emu().touchRepo(org, "touched");
            awaitSeen(feed, "updated feed-kinds/touched");
            emu().setRepoStatus(org, "flagged", "maintenance", "Compacting");
            awaitSeen(feed, "statusChanged feed-kinds/flagged");
            feed.template()
                    .requestBody(
                            "arraylake:repos?operation=modify&repo=feed-kinds/flagged&description=Now"
                                    + "&addMetadata={\"k\":\"v\"}",
                            (Object) null);
            Fixture.until(
                    () -> Collections.frequency(feed.seen(), "updated feed-kinds/flagged") == 1,
                    "the description change");
            feed.template()
                    .requestBody(
                            "arraylake:repos?operation=delete&repo=feed-kinds/newcomer&confirmDelete=true",
                            (Object) null);
            awaitSeen(feed, "deleted feed-kinds/newcomer");
            feed.template()
                    .requestBody(
                            "arraylake:repos?operation=delete&repo=feed-kinds/touched&confirmDelete=true&immediate=true",
                            (Object) null);
            awaitSeen(feed, "deleted feed-kinds/touched");
            polls(org, 3);
            assertEquals(
                    List.of(
                            "created feed-kinds/newcomer",
                            "updated feed-kinds/touched",
                            "statusChanged feed-kinds/flagged",
                            "updated feed-kinds/flagged",
                            "deleted feed-kinds/newcomer",
                            "deleted feed-kinds/touched"),
                    feed.seen(),
                    "each change once, the steady repo never");
            assertTrue(
                    Fixture.count(emu(), "GET", "/repos/feed-kinds/newcomer") >= 1,
                    "a deletion is confirmed by the repo's own answer (404 for a ghost)");
        }
    }

    @Test
    void anInitialSnapshotEmitsEveryLiveRepoOnce() throws Exception {
        String org = "feed-snapshot";
        for (String name : List.of("one", "two", "three")) {
            emu().createRepo(org, name, "store");
        }
        try (Feed feed = feed(org, "&initialSnapshot=true", new MemoryStateRepository())) {
            Fixture.until(() -> feed.seen().size() >= 3, "the snapshot");
            polls(org, 3);
            assertEquals(
                    List.of("created feed-snapshot/one", "created feed-snapshot/three", "created feed-snapshot/two"),
                    feed.seen().stream().sorted().toList());
        }
    }

    @Test
    void pagingOverManyReposLosesAndRepeatsNothing() throws Exception {
        String org = "feed-paging";
        List<String> names = emu().bulkRepos(org, "store", "repo-", 250);
        try (Feed feed =
                feed(org, "&initialSnapshot=true&size=40&maxMessagesPerPoll=100", new MemoryStateRepository())) {
            Fixture.until(() -> feed.seen().size() >= 250, "250 repos over several polls of 100");
            emu().createRepo(org, "repo-120a", "store"); // sorts in the middle: later pages shift by one
            awaitSeen(feed, "created feed-paging/repo-120a");
            polls(org, 2);
            assertEquals(
                    251, feed.seen().size(), "no repo twice: " + feed.seen().size());
            assertEquals(251, new HashSet<>(feed.seen()).size());
            for (String name : names) {
                assertTrue(feed.seen().contains("created feed-paging/" + name), name);
            }
            assertTrue(
                    emu().requests().stream()
                            .filter(r -> r.path().equals(listing(org)))
                            .anyMatch(r -> r.query().contains("page=7")),
                    "251 repos in pages of 40 read up to page 7");
        }
    }

    @Test
    void aStateRepositoryTheUserGaveOutlivesTheFeedThatUsedIt() throws Exception {
        String org = "feed-shared-state";
        emu().createRepo(org, "kept", "store");
        MemoryStateRepository shared = new MemoryStateRepository();
        try (Feed first = feed(org, "", shared)) {
            Fixture.until(() -> shared.getState("arraylake:repos:" + org) != null, "the baseline");
        }
        // another consumer, or the next feed, may still use it: stopping the feed must not empty it
        assertNotNull(shared.getState("arraylake:repos:" + org), "the baseline is still in the shared repository");
        emu().createRepo(org, "added", "store");
        try (Feed second = feed(org, "", shared)) {
            awaitSeen(second, "created feed-shared-state/added");
            polls(org, 2);
            assertEquals(List.of("created feed-shared-state/added"), second.seen(), "not the baseline again");
        }
    }

    @Test
    void theStateSurvivesARestart(@TempDir Path tmp) throws Exception {
        String org = "feed-restart";
        emu().createRepo(org, "before", "store");
        emu().createRepo(org, "busy", "store");
        Path file = tmp.resolve("feed.state");
        FileStateRepository firstState = FileStateRepository.fileStateRepository(file.toFile());
        try (Feed first = feed(org, "", firstState)) {
            Fixture.until(() -> firstState.getState("arraylake:repos:" + org) != null, "the baseline");
            emu().createRepo(org, "during", "store");
            awaitSeen(first, "created feed-restart/during");
            polls(org, 2);
        }
        // while no feed runs
        emu().createRepo(org, "while-down", "store");
        emu().touchRepo(org, "before");
        emu().setRepoStatus(org, "busy", "offline", "Migrating");
        try (CamelContext other = Fixture.camel(emu(), alice())) {
            other.start();
            other.createProducerTemplate()
                    .requestBody(
                            "arraylake:repos?operation=modify&repo=feed-restart/busy&description=Moved", (Object) null);
        }
        try (Feed second = feed(org, "", FileStateRepository.fileStateRepository(file.toFile()))) {
            Fixture.until(() -> second.seen().size() >= 4, "what changed while no feed ran");
            polls(org, 3);
            assertEquals(
                    List.of(
                            "created feed-restart/while-down",
                            "statusChanged feed-restart/busy",
                            "updated feed-restart/before",
                            "updated feed-restart/busy"),
                    second.seen().stream().sorted().toList(),
                    "from where the first feed stopped: nothing again, nothing missed");
        }
    }

    @Test
    void aChangeWhoseRouteFailsComesAgainAndNothingIsSkipped() throws Exception {
        String org = "feed-failing";
        AtomicInteger failures = new AtomicInteger();
        MemoryStateRepository state = new MemoryStateRepository();
        try (Feed feed =
                feed(org, "", state, change -> change.endsWith("/fragile") && failures.getAndIncrement() == 0)) {
            Fixture.until(() -> state.getState("arraylake:repos:" + org) != null, "the baseline");
            emu().createRepo(org, "fragile", "store");
            emu().createRepo(org, "sturdy", "store");
            Fixture.until(
                    () -> Collections.frequency(feed.seen(), "created feed-failing/fragile") == 2,
                    "the failed change delivered again");
            polls(org, 3);
            assertEquals(2, failures.get(), "delivered twice: it failed once, then went through");
            assertEquals(
                    List.of(
                            "created feed-failing/fragile",
                            "created feed-failing/fragile",
                            "created feed-failing/sturdy"),
                    feed.seen().stream().sorted().toList());
        }
    }

    /**
     * A state repository that outlives the feed (as a database would; Camel's memory one forgets when stopped) and
     * loses every write while {@code down}, as a process that dies before writing would.
     */
    static final class DyingStateRepository implements StateRepository<String, String> {
        final AtomicBoolean down = new AtomicBoolean();
        private final Map<String, String> kept = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void setState(String key, String value) {
            if (down.get()) {
                throw new IllegalStateException("the process died before the state was written");
            }
            kept.put(key, value);
        }

        @Override
        public String getState(String key) {
            return kept.get(key);
        }

        @Override
        public void start() {}

        @Override
        public void stop() {}
    }

    @Test
    void aCrashAfterTheExchangeAndBeforeTheStateIsWrittenDeliversTheChangeAgain() throws Exception {
        String org = "feed-crash";
        DyingStateRepository state = new DyingStateRepository();
        try (Feed first = feed(org, "", state)) {
            Fixture.until(() -> state.getState("arraylake:repos:" + org) != null, "the baseline");
            state.down.set(true); // the worst moment: every exchange completes, no state is written
            emu().createRepo(org, "in-flight", "store");
            awaitSeen(first, "created feed-crash/in-flight");
            Fixture.until(
                    () -> Collections.frequency(first.seen(), "created feed-crash/in-flight") >= 2,
                    "a failed write leaves the change undelivered in this run too");
        }
        String stored = state.getState("arraylake:repos:" + org);
        assertTrue(!stored.contains("in-flight"), "the crash kept the change out of the state: " + stored);
        state.down.set(false);
        try (Feed second = feed(org, "", state)) {
            awaitSeen(second, "created feed-crash/in-flight");
            emu().createRepo(org, "after", "store");
            awaitSeen(second, "created feed-crash/after");
            polls(org, 3);
            assertEquals(
                    List.of("created feed-crash/after", "created feed-crash/in-flight"),
                    second.seen().stream().sorted().toList(),
                    "delivered again once, then written");
        }
    }

    @Test
    void aPollTheServiceRefusesEmitsNothingAndTheNextDeliversEverything() throws Exception {
        String org = "feed-outage";
        MemoryStateRepository state = new MemoryStateRepository();
        try (Feed feed = feed(org, "&maxRetries=1", state)) {
            Fixture.until(() -> state.getState("arraylake:repos:" + org) != null, "the baseline");
            emu().faults().failNext(3, 503, "GET", listing(org), null);
            emu().createRepo(org, "during-outage", "store");
            long refusedBefore = Fixture.count(emu(), "GET", listing(org));
            Fixture.awaitRequests(emu(), "GET", listing(org), refusedBefore + 3);
            awaitSeen(feed, "created feed-outage/during-outage");
            polls(org, 2);
            assertEquals(List.of("created feed-outage/during-outage"), feed.seen());
        }
    }

    @Test
    void aListingThatShiftsWhilePagedNeverReportsUntouchedRepos() throws Exception {
        String org = "feed-shift";
        List<String> steady = emu().bulkRepos(org, "store", "m-", 30);
        MemoryStateRepository state = new MemoryStateRepository();
        List<String> deleted = new ArrayList<>();
        List<String> created = new ArrayList<>();
        try (Feed feed = feed(org, "&size=4", state)) {
            Fixture.until(() -> state.getState("arraylake:repos:" + org) != null, "the baseline");
            ProducerTemplate template = feed.template();
            // while the feed pages through 4 repos at a time, repos that sort first appear and later ones go: every
            // page after the change shifts
            for (int i = 0; i < 40; i++) {
                String name = String.format("a-%02d", i);
                emu().createRepo(org, name, "store");
                created.add("created " + org + "/" + name);
                if (i % 4 == 0) {
                    String gone = steady.get(i / 4 * 3);
                    template.requestBody(
                            "arraylake:repos?operation=delete&confirmDelete=true&repo=" + org + "/" + gone,
                            (Object) null);
                    deleted.add("deleted " + org + "/" + gone);
                }
                polls(org, 1);
            }
            Fixture.until(
                    () -> feed.seen().containsAll(created) && feed.seen().containsAll(deleted), "every real change");
            polls(org, 3);
            List<String> expected = new ArrayList<>(created);
            expected.addAll(deleted);
            assertEquals(
                    expected.stream().sorted().toList(),
                    feed.seen().stream().sorted().toList(),
                    "each real change once, no untouched repo");
        }
    }
}
