package dev.cameltiledb.arraylake.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import dev.cameltiledb.arraylake.client.model.Repo;
import dev.cameltiledb.arraylake.emulator.CheckedArraylakeEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concurrency the Camel way (docs/arraylake.md, "Concurrent calls"): {@code asyncRequestBody} hands exchanges to a
 * route without waiting, and {@code threads(3)} runs three of them at once through one producer and its pooled
 * client. A barrier in front of the producer lets exchanges through only three at a time, so the calls complete only
 * if three run together; each exchange gets the answer to its own request.
 */
class ConcurrentRoutesTest {

    private static final int THREADS = 3;

    @RegisterExtension
    static final CheckedArraylakeEmulator AL = new CheckedArraylakeEmulator(Fixture::seed);

    private static CamelContext camel;
    private static ProducerTemplate template;
    private static final CyclicBarrier THREE_AT_ONCE = new CyclicBarrier(THREADS);

    @BeforeAll
    static void start() throws Exception {
        for (int i = 0; i < 2 * THREADS; i++) {
            AL.emulator().createRepo(Fixture.ORG, "c" + i, "main-bucket");
        }
        camel = Fixture.camel(AL.emulator(), Fixture.ADMIN_TOKEN);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get")
                        .threads(THREADS)
                        .process(e -> THREE_AT_ONCE.await(20, TimeUnit.SECONDS))
                        .to("arraylake:repos?operation=get&org=acme");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @Test
    void asyncRequestsThroughThreadsRunThreeAtOnceAndEachGetsItsOwnReply() throws Exception {
        List<CompletableFuture<Object>> replies = new ArrayList<>();
        for (int i = 0; i < 2 * THREADS; i++) {
            replies.add(template.asyncRequestBodyAndHeader("direct:get", null, ArraylakeConstants.REPO, "c" + i));
        }
        for (int i = 0; i < 2 * THREADS; i++) {
            assertEquals("c" + i, ((Repo) replies.get(i).get(30, TimeUnit.SECONDS)).name());
        }
        for (int i = 0; i < 2 * THREADS; i++) {
            assertEquals(1, Fixture.count(AL.emulator(), "GET", "/repos/acme/c" + i), "one call per exchange");
        }
    }
}
