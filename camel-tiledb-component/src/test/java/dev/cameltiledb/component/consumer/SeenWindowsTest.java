package dev.cameltiledb.component.consumer;

import java.time.Instant;
import java.util.List;

import dev.cameltiledb.client.Page;
import dev.cameltiledb.client.model.ArrayActivityLog;
import dev.cameltiledb.client.model.GroupContentActivity;
import dev.cameltiledb.client.model.PaginationMetadata;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a full read leaves behind for the next poll's one-request probe: counts and positions inside a window. */
class SeenWindowsTest {

    @Test
    void aWindowCountsTheSeenEventsFromAnySecondWhateverTheOrderTheyCameIn() {
        SeenWindow window = new SeenWindow();
        for (long second : new long[] {100, 101, 101, 105, 103, 99}) {
            window.add(second); // 103 came late, 99 later still
        }
        SeenWindow done = window.done();
        assertEquals(6, done.countFrom(0));
        assertEquals(5, done.countFrom(100));
        assertEquals(4, done.countFrom(101));
        assertEquals(2, done.countFrom(102));
        assertEquals(1, done.countFrom(104));
        assertEquals(0, done.countFrom(106));
    }

    @Test
    void anEventWithoutAnIdLeavesNoWindow() {
        SeenWindow window = new SeenWindow();
        window.add(100);
        window.uncountable();
        assertNull(window.done());
    }

    private static GroupContentActivity event(String id, long second) {
        return new GroupContentActivity(
                new GroupContentActivity.Asset(id, "a0", "ns", "array"),
                new ArrayActivityLog(
                        Instant.ofEpochSecond(second), "query_read", "alice", 0L, 0L, null, id, null, null));
    }

    private static Page<GroupContentActivity> page(long totalItems, GroupContentActivity... items) {
        return new Page<>(List.of(items), new PaginationMetadata(1, 1, totalItems, totalItems));
    }

    private static SeenNewestFirst seen(boolean newestFirst, Object... idsAndSeconds) {
        SeenNewestFirst seen = new SeenNewestFirst();
        for (int i = 0; i < idsAndSeconds.length; i += 2) {
            seen.add((String) idsAndSeconds[i], (Long) idsAndSeconds[i + 1]);
        }
        return seen.done(newestFirst);
    }

    @Test
    void aGroupWindowIsIdleWhileTheEventJustPastItStaysInPlace() {
        SeenNewestFirst seen = seen(true, "e3", 300L, "e2", 200L, "e1", 100L, "e0", 50L);
        int n = seen.windowSize(150);
        assertEquals(2, n, "e3 and e2 are inside the window from 150");
        assertTrue(seen.unchanged(n, page(4, event("e1", 100))), "nothing before e1 but the two seen");
        assertTrue(seen.unchanged(n, page(3, event("e1", 100))), "e0 left the log for its age: e1 did not move");
        assertFalse(seen.unchanged(n, page(5, event("e2", 200))), "something new moved e1 down");
        assertFalse(seen.unchanged(n, page(4)), "the listing is shorter than it was");
    }

    @Test
    void aGroupWindowThatReachedTheEndOfTheListingIsIdleWhileTheListingEndsThere() {
        SeenNewestFirst seen = seen(true, "e1", 200L, "e0", 150L);
        int n = seen.windowSize(100);
        assertEquals(2, n);
        assertTrue(seen.unchanged(n, page(2)));
        assertFalse(seen.unchanged(n, page(3, event("e0", 150))), "a third event, late or new");
        assertFalse(seen.unchanged(n, new Page<>(List.of(), null)), "an answer without pagination cannot tell an end");
    }

    @Test
    void aListingThatIsNotNewestFirstLeavesNoSequence() {
        assertNull(seen(false, "e1", 100L, "e2", 200L));
        SeenNewestFirst seen = new SeenNewestFirst();
        seen.uncountable();
        assertNull(seen.done(true));
    }
}
