package dev.cameltiledb.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cameltiledb.client.TileDBApiException;
import dev.cameltiledb.client.model.ArrayTask;
import dev.cameltiledb.component.consumer.TileDBTaskConsumer;
import dev.cameltiledb.emulator.RecordedExchange;
import dev.cameltiledb.emulator.TileDBEmulator;
import dev.cameltiledb.emulator.common.Await;
import dev.cameltiledb.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("tiledb:tasks?namespace=...")} over HTTP to the emulator: each task once, when it finished, with its
 * status, duration and failure message; only the failed ones with taskStatus=FAILED; a restart resumes from the saved
 * window (tasks that finished while it was down come, the delivered ones do not come again); a failed exchange comes
 * again on the next poll; a task that runs longer than lateArrivalSeconds keeps the window open until it ends. "Nothing
 * more arrives" is shown by further polls reaching the emulator, never by waiting a time.
 */
class TasksConsumerTest {

    @RegisterExtension
    static final LogCapture LOGS = new LogCapture(SuiteEmulator.ALICE_TOKEN);

    private static final TileDBEmulator EMULATOR = SuiteEmulator.get();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String consumer(String namespace, String options) {
        return "tiledb:tasks?namespace=" + namespace + "&delay=20" + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * A Camel context whose tiledb component reaches the emulator as alice, configured in code: Camel's own DEBUG logs
     * print route URIs unmasked, so a key in a URI would reach this class's log capture.
     */
    private static CamelContext context() {
        TileDBComponent tiledb = new TileDBComponent();
        tiledb.getConfiguration().getConnection().setHost(EMULATOR.url());
        tiledb.getConfiguration().getConnection().setApiKey(SuiteEmulator.ALICE_TOKEN);
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("tiledb", tiledb);
        return camel;
    }

    /** The consumer's polls: each lists the namespace's tasks by start time (a producer's listing does not). */
    private static Predicate<RecordedExchange> polls(String namespace) {
        return x -> x.rawPath().equals("/v1/tasks")
                && List.of(namespace).equals(x.query().get("namespace"))
                && List.of("start_time").equals(x.query().get("orderby"));
    }

    /** Runs SQL in {@code namespace}, answering the task's id (of a failed query too). */
    private static String sql(ProducerTemplate template, String namespace, String query) {
        Exchange reply = template.request(
                "tiledb:sql?namespace=" + namespace, e -> e.getMessage().setBody(query));
        if (reply.getException() != null) {
            return assertInstanceOf(TileDBApiException.class, reply.getException())
                    .getTaskId();
        }
        return reply.getMessage().getHeader(TileDBConstants.TASK_ID, String.class);
    }

    /** Delivered tasks, in order. */
    private static final class Sink {
        final List<ArrayTask> tasks = Collections.synchronizedList(new ArrayList<>());
        final List<Map<String, Object>> headers = Collections.synchronizedList(new ArrayList<>());

        void add(Exchange e) {
            tasks.add(e.getMessage().getBody(ArrayTask.class));
            headers.add(Map.copyOf(e.getMessage().getHeaders()));
        }

        List<String> ids() {
            synchronized (tasks) {
                return tasks.stream().map(ArrayTask::id).toList();
            }
        }
    }

    /** A started consumer of {@code ns} (seeded with its sales array), after a first poll, which opens its window. */
    private static CamelContext polling(String ns, String options, Sink sink) throws Exception {
        DataPlaneSeed.namespaceWithSales(EMULATOR, ns);
        CamelContext camel = started(consumer(ns, options), sink);
        Await.requests(EMULATOR, polls(ns), 1, "the first poll, which opens the window");
        return camel;
    }

    private static CamelContext started(String uri, Sink sink) throws Exception {
        CamelContext camel = context();
        camel.addRoutes(routeTo(uri, sink));
        camel.start();
        return camel;
    }

    /** resetCursor (JMX, the dev console's stream name: the state key) moves the window back: tasks come again. */
    @Test
    void aWindowResetDeliversTheTasksSinceAgain() throws Exception {
        String ns = "cons-reset";
        Sink sink = new Sink();
        Instant before = Instant.now().minusSeconds(5);
        String first;
        String second;
        try (CamelContext camel = polling(ns, "", sink)) {
            ProducerTemplate template = camel.createProducerTemplate();
            first = sql(template, ns, "select count(*) as n from `tiledb://" + ns + "/sales`");
            second = sql(template, ns, "select 1 as one");
            Await.until(() -> sink.tasks.size() >= 2, "both tasks");
            TileDBTaskConsumer consumer =
                    (TileDBTaskConsumer) camel.getRoutes().get(0).getConsumer();
            assertEquals(
                    List.of("tiledb:tasks:" + ns), consumer.status().positions().furthestBehind());

            consumer.resetCursor("tiledb:tasks:" + ns, before.toString());
            Await.until(() -> sink.tasks.size() >= 4, "both tasks again");
            Await.requests(EMULATOR, polls(ns), 3, "more polls, in which nothing more may arrive");
        }
        assertEquals(4, sink.ids().size(), sink.ids().toString());
        assertEquals(Set.of(first, second), Set.copyOf(sink.ids().subList(0, 2)));
        assertEquals(Set.of(first, second), Set.copyOf(sink.ids().subList(2, 4)));
    }

    @Test
    void eachFinishedTaskComesOnceWithItsStatusDurationAndFailureMessage() throws Exception {
        String ns = "cons-once";
        Sink sink = new Sink();
        try (CamelContext camel = polling(ns, "", sink)) {
            ProducerTemplate template = camel.createProducerTemplate();
            String ok = sql(template, ns, "select count(*) as n from `tiledb://" + ns + "/sales`");
            String failed = sql(template, ns, "selec nothing");
            Await.until(() -> sink.tasks.size() >= 2, "both tasks");
            Await.requests(EMULATOR, polls(ns), 3, "three more polls, in which nothing more may arrive");
            assertEquals(Set.of(ok, failed), Set.copyOf(sink.ids()));
            assertEquals(2, sink.tasks.size(), "each once");
            ArrayTask done = sink.tasks.stream()
                    .filter(t -> t.id().equals(ok))
                    .findFirst()
                    .orElseThrow();
            assertEquals("COMPLETED", done.status());
            assertEquals("SQL", done.type());
            assertNotNull(done.duration(), "the duration");
            ArrayTask broken = sink.tasks.stream()
                    .filter(t -> t.id().equals(failed))
                    .findFirst()
                    .orElseThrow();
            assertEquals("FAILED", broken.status());
            assertTrue(broken.statusMessage().contains("selec"), "why it failed: " + broken.statusMessage());
            Map<String, Object> headers = sink.headers.get(sink.ids().indexOf(failed));
            assertEquals(failed, headers.get(TileDBConstants.TASK_ID));
            assertEquals(failed, headers.get(TileDBConstants.EVENT_ID));
            assertEquals(broken.finishTime(), headers.get(TileDBConstants.EVENT_TIME));
            assertEquals(ns, headers.get(TileDBConstants.NAMESPACE));
        }
    }

    @Test
    void taskStatusKeepsOnlyTheFailedOnes() throws Exception {
        String ns = "cons-failed";
        Sink sink = new Sink();
        try (CamelContext camel = polling(ns, "taskStatus=FAILED", sink)) {
            ProducerTemplate template = camel.createProducerTemplate();
            sql(template, ns, "select 1 as one");
            String failed = sql(template, ns, "select * from `tiledb://" + ns + "/missing`");
            sql(template, ns, "select 2 as two");
            Await.until(() -> !sink.tasks.isEmpty(), "the failed task");
            Await.requests(EMULATOR, polls(ns), 3, "three more polls");
            assertEquals(List.of(failed), sink.ids());
        }
    }

    @Test
    void aRestartResumesFromTheSavedWindowAndTheWindowForgetsWhatItLeftBehind() throws Exception {
        String ns = "cons-restart";
        DataPlaneSeed.namespaceWithSales(EMULATOR, ns);
        MemoryStateRepository state = new MemoryStateRepository();
        String uri = consumer(ns, "stateRepository=#tasksState&lateArrivalSeconds=0");
        Sink first = new Sink();
        String before;
        try (CamelContext camel = context()) {
            camel.getRegistry().bind("tasksState", state);
            camel.addRoutes(routeTo(uri, first));
            camel.start();
            Await.requests(EMULATOR, polls(ns), 1, "the first poll");
            before = sql(camel.createProducerTemplate(), ns, "select 1 as one");
            Await.until(() -> first.tasks.size() == 1, "the task of the first run");
        }
        // while no consumer runs: a task a new consumer starting now would never see
        String whileDown;
        try (CamelContext producer = context()) {
            producer.start();
            whileDown = sql(producer.createProducerTemplate(), ns, "select 2 as two");
        }
        Sink second = new Sink();
        try (CamelContext camel = context()) {
            camel.getRegistry().bind("tasksState", state);
            camel.addRoutes(routeTo(uri, second));
            camel.start();
            Await.until(() -> second.tasks.size() == 1, "the task that finished while the consumer was down");
            Await.requests(EMULATOR, polls(ns), 3, "three more polls");
            assertEquals(List.of(whileDown), second.ids());
            assertEquals(List.of(before), first.ids());

            // with lateArrivalSeconds=0 the window moves past the delivered tasks once the second turned
            long startOfLast = Instant.now().getEpochSecond();
            Await.until(() -> Instant.now().getEpochSecond() > startOfLast, "the next second");
            Await.requests(EMULATOR, polls(ns), 2, "two polls in it");
            JsonNode saved = JSON.readTree(state.getState("tiledb:tasks:" + ns));
            assertEquals(0, saved.get("tasks").size(), "nothing kept of tasks the window left: " + saved);
            assertTrue(saved.get("from").asLong() > startOfLast - 1, String.valueOf(saved));
        }
    }

    private static RouteBuilder routeTo(String uri, Sink sink) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(sink::add);
            }
        };
    }

    @Test
    void aFailedExchangeComesAgainOnTheNextPoll() throws Exception {
        String ns = "cons-retry";
        DataPlaneSeed.namespaceWithSales(EMULATOR, ns);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        try (CamelContext camel = context()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(consumer(ns, "")).process(e -> {
                        String id = e.getMessage().getHeader(TileDBConstants.TASK_ID, String.class);
                        if (failedOnce.add(id)) {
                            throw new IllegalStateException("the route fails on this task once");
                        }
                        delivered.add(id);
                    });
                }
            });
            camel.start();
            Await.requests(EMULATOR, polls(ns), 1, "the first poll");
            String task = sql(camel.createProducerTemplate(), ns, "select 1 as one");
            Await.until(() -> delivered.size() == 1, "the task, delivered again");
            Await.requests(EMULATOR, polls(ns), 3, "three more polls");
            assertEquals(Set.of(task), failedOnce);
            assertEquals(List.of(task), delivered, "completed once");
        }
    }

    @Test
    void aTaskThatRunsLongerThanTheLateWindowIsDeliveredWhenItEnds() throws Exception {
        DataPlaneSeed.assumePython3();
        String ns = "cons-long";
        Path release = dir.resolve("release");
        Map<String, Object> graph = Map.of(
                "name",
                "waits",
                "nodes",
                List.of(DataPlaneSeed.udfNode(
                        "wait",
                        List.of(),
                        "def wait(path):\n    import os, time\n    while not os.path.exists(path):\n"
                                + "        time.sleep(0.02)\n    return 'released'\n",
                        List.of(release.toString()))));
        Sink sink = new Sink();
        try (CamelContext camel = polling(ns, "lateArrivalSeconds=0", sink)) {
            ProducerTemplate template = camel.createProducerTemplate();
            Exchange submitted = template.request(
                    "tiledb:taskgraphs?operation=submit&namespace=" + ns,
                    e -> e.getMessage().setBody(graph));
            assertTrue(submitted.getException() == null, String.valueOf(submitted.getException()));
            ArrayTask running = DataPlaneSeed.runningTask(template, "tiledb:tasks?operation=list&namespace=" + ns);
            long started = running.startTime().getEpochSecond();
            // the window would have moved past the task's start by now, were it not held open while the task runs
            Await.until(() -> Instant.now().getEpochSecond() > started, "a second after the task started");
            Await.requests(EMULATOR, polls(ns), 3, "three polls while the task runs");
            assertEquals(List.of(), sink.ids(), "a running task is not delivered");
            Files.writeString(release, "go");
            Await.until(() -> !sink.tasks.isEmpty(), "the task, once it ended");
            assertEquals(List.of(running.id()), sink.ids());
            assertEquals("COMPLETED", sink.tasks.get(0).status());
        }
    }
}
