package dev.cameltiledb.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cameltiledb.client.model.ArrayInfo;
import dev.cameltiledb.emulator.TileDBEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Concurrency the Camel way (docs/tiledb.md, "Concurrent calls"): {@code asyncRequestBody} hands exchanges to a route
 * without waiting, and {@code threads(4)} runs four of them at once; the producer is thread-safe over one pooled
 * client. The emulator holds each request until four are in flight, so the calls can only complete if four run
 * together, and never more than four do.
 */
class ConcurrentRoutesTest extends CamelTestSupport {

    private static final int THREADS = 4;
    private static final int ARRAYS = 8;

    @RegisterExtension
    static final TileDBEmulatorExtension TILEDB = new TileDBEmulatorExtension(b -> {
        b.user("cora", "cora-key-0b7e");
        for (int i = 0; i < ARRAYS; i++) {
            b.array("cora", "a" + i, List.of(), Map.of());
        }
    });

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:info")
                        .threads(THREADS)
                        .to("tiledb:arrays?operation=info&namespace=cora&apiKey=cora-key-0b7e&host="
                                + TILEDB.emulator().url());
            }
        };
    }

    @AfterEach
    void removeTheHook() {
        TILEDB.emulator().onRequest(null);
    }

    @Test
    void asyncRequestsThroughThreadsRunFourAtOnceAndEachGetsItsOwnReply() throws Exception {
        CyclicBarrier fourInFlight = new CyclicBarrier(THREADS);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        TILEDB.emulator().onRequest(request -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                fourInFlight.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("four requests were not in flight together", e);
            } finally {
                inFlight.decrementAndGet();
            }
        });

        List<CompletableFuture<Object>> replies = new ArrayList<>();
        for (int i = 0; i < ARRAYS; i++) {
            replies.add(template.asyncRequestBodyAndHeader("direct:info", null, TileDBConstants.ARRAY, "a" + i));
        }

        for (int i = 0; i < ARRAYS; i++) {
            ArrayInfo info = (ArrayInfo) replies.get(i).get(30, TimeUnit.SECONDS);
            assertEquals("a" + i, info.name(), "each exchange gets the answer to its own request");
        }
        assertEquals(THREADS, mostInFlight.get(), "threads(" + THREADS + ") bounds the calls in flight");
    }
}
