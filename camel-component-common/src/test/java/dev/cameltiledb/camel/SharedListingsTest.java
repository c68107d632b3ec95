package dev.cameltiledb.camel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedListingsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SharedListings shared = new SharedListings(now::get);
    private final Object client = new Object();
    private final AtomicInteger fetches = new AtomicInteger();

    private String page(SharedListings.Read read, int page) {
        return read.page(page, () -> "page " + page + " fetch " + fetches.incrementAndGet());
    }

    @Test
    void partitionsPollingInTurnFetchEachPageOncePerRound() {
        Object[] readers = {"p0", "p1", "p2"};
        for (Object reader : readers) {
            shared.register(client, "arrays of acme", reader);
        }
        for (int round = 1; round <= 3; round++) {
            for (Object reader : readers) {
                SharedListings.Read read = shared.begin(client, "arrays of acme", reader, 60_000);
                assertEquals("page 1 fetch " + (2 * round - 1), page(read, 1));
                assertEquals("page 2 fetch " + (2 * round), page(read, 2));
            }
            assertEquals(0, shared.heldPages(), "every reader read both pages: none is held");
        }
        assertEquals(6, fetches.get(), "three rounds of two pages, whatever the number of readers");
    }

    @Test
    void aLoneReaderListsAfreshOnEveryPoll() {
        shared.register(client, "arrays of acme", "only");
        for (int poll = 1; poll <= 3; poll++) {
            assertEquals("page 1 fetch " + poll, page(shared.begin(client, "arrays of acme", "only", 60_000), 1));
        }
        assertEquals(0, shared.heldPages());
    }

    @Test
    void aRoundOlderThanTheReadersDelayIsNotJoined() {
        shared.register(client, "arrays of acme", "p0");
        shared.register(client, "arrays of acme", "p1");
        page(shared.begin(client, "arrays of acme", "p0", 1_000), 1);
        now.addAndGet(1_000);
        assertEquals("page 1 fetch 2", page(shared.begin(client, "arrays of acme", "p1", 1_000), 1));
    }

    @Test
    void otherClientsAndOtherRequestsAreOtherListings() {
        shared.register(client, "arrays of acme", "p0");
        shared.register(client, "arrays of acme", "p1");
        page(shared.begin(client, "arrays of acme", "p0", 60_000), 1);
        assertEquals("page 1 fetch 2", page(shared.begin(new Object(), "arrays of acme", "p1", 60_000), 1));
        assertEquals("page 1 fetch 3", page(shared.begin(client, "groups of acme", "p1", 60_000), 1));
        assertEquals("page 1 fetch 1", page(shared.begin(client, "arrays of acme", "p1", 60_000), 1));
    }

    @Test
    void aFailedFetchIsNotKeptAndTheNextReaderFetchesAgain() {
        shared.register(client, "arrays of acme", "p0");
        shared.register(client, "arrays of acme", "p1");
        SharedListings.Read first = shared.begin(client, "arrays of acme", "p0", 60_000);
        IllegalStateException down = assertThrows(
                IllegalStateException.class,
                () -> first.page(1, () -> {
                    throw new IllegalStateException("service down");
                }));
        assertEquals("service down", down.getMessage());
        assertEquals("page 1 fetch 1", page(shared.begin(client, "arrays of acme", "p1", 60_000), 1));
        assertEquals(1, shared.heldPages(), "p0 has not read the page p1 fetched");
    }

    @Test
    void aStoppedReaderNoLongerHoldsPagesBack() {
        shared.register(client, "arrays of acme", "p0");
        shared.register(client, "arrays of acme", "p1");
        shared.unregister(client, "arrays of acme", "p1");
        page(shared.begin(client, "arrays of acme", "p0", 60_000), 1);
        assertEquals(0, shared.heldPages());
    }

    @Test
    void aRoundNoReaderCanJoinLetsGoOfItsPages() {
        shared.register(client, "arrays of acme", "p0");
        shared.register(client, "arrays of acme", "p1");
        SharedListings.Read alone = shared.begin(client, "arrays of acme", "p0", 1_000);
        page(alone, 1);
        page(alone, 2);
        assertEquals(2, shared.heldPages(), "p1 has read neither page yet");
        now.addAndGet(1_000);
        page(shared.begin(client, "groups of acme", "p0", 1_000), 1);
        assertEquals(0, shared.heldPages(), "p1 would open a round of its own now: the old pages are dropped");
    }
}
