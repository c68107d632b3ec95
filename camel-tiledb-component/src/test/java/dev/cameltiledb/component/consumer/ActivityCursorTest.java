package dev.cameltiledb.component.consumer;

import java.time.Instant;

import dev.cameltiledb.client.model.ArrayActivityLog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cursor alone: exact start, late arrivals, what it remembers, its stored form and when it asks to be saved. */
class ActivityCursorTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00.500Z");

    private static ArrayActivityLog event(String id, Instant at) {
        return new ArrayActivityLog(at, "query_read", "alice", 0L, 0L, null, id, null, null);
    }

    @Test
    void aStreamStartingNowNeverDeliversAnOlderEventButLooksBackForLateOnes() {
        ActivityCursor cursor = ActivityCursor.startingAt(START, 60);
        assertEquals(
                START.getEpochSecond() - 60, cursor.queryFrom(), "the first poll still looks back for late arrivals");
        assertFalse(cursor.isDue(event("thirty-seconds-before", START.minusSeconds(30))));
        assertFalse(cursor.isDue(event("same-second-but-earlier", START.minusMillis(100))), "exact to the instant");
        assertTrue(cursor.isDue(event("at-start", START)));
        assertTrue(cursor.isDue(event("after", START.plusSeconds(1))));
    }

    @Test
    void theFloorStillHoldsAfterEventsMovedTheCursorInsideTheWindow() {
        ActivityCursor cursor = ActivityCursor.startingAt(START, 60);
        cursor.advance(event("a", START.plusSeconds(10)));
        assertFalse(cursor.isDue(event("logged-late-from-before-the-start", START.minusSeconds(5))));
        assertTrue(
                cursor.isDue(event("logged-late-after-the-start", START.plusSeconds(5))),
                "late arrival inside the window");
    }

    @Test
    void aLateArrivalIsDueOnceAndEventsOfOneSecondAreTellApartById() {
        ActivityCursor cursor = ActivityCursor.startingAt(START, 60);
        Instant t = START.plusSeconds(100);
        cursor.advance(event("x", t));
        assertFalse(cursor.isDue(event("x", t)), "delivered");
        assertTrue(cursor.isDue(event("y", t)), "another event of the same second");
        ArrayActivityLog late = event("late", t.minusSeconds(20));
        assertTrue(cursor.isDue(late));
        cursor.advance(late);
        assertFalse(cursor.isDue(late), "delivered once");
        assertFalse(
                cursor.isDue(event("too-late", t.minusSeconds(61))),
                "older than the window: the service was asked from later");
    }

    @Test
    void idsLeaveTheMemoryWhenTheWindowMovesPastThem() {
        ActivityCursor cursor = ActivityCursor.startingAt(START, 10);
        for (int i = 0; i < 100; i++) {
            cursor.advance(event("e" + i, START.plusSeconds(i)));
        }
        assertEquals(11, cursor.remembered(), "seconds 89..99 are still inside the 10 s window");
    }

    @Test
    void theStoredFormRoundTripsAnyIdAndKeepsTheFloor() {
        ActivityCursor cursor = ActivityCursor.startingAt(START, 60);
        String odd = "id,with|separators@and=\n\"quotes\"";
        cursor.advance(event(odd, START.plusSeconds(1)));
        ActivityCursor back = ActivityCursor.parse("k", cursor.format(), 60);
        assertFalse(back.isDue(event(odd, START.plusSeconds(1))));
        assertFalse(back.isDue(event("before-start", START.minusSeconds(1))), "the floor survives a restart");
        assertEquals(cursor.format(), back.format());
    }

    @Test
    void theStoredFormIsTheJsonOfWhatItRemembersAfterIdsCameAndWent() throws Exception {
        ActivityCursor cursor = ActivityCursor.startingAt(START, 10);
        java.util.function.IntFunction<String> id =
                i -> "e" + i + (i % 3 == 0 ? "\"quoted\\\u0001" : "") + "\u00e9\u4e16";
        for (int i = 0; i < 100; i++) {
            cursor.advance(event(id.apply(i), START.plusSeconds(i)));
            cursor.advance(event(id.apply(i), START.plusSeconds(i))); // delivered twice: remembered once
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode expected = json.createObjectNode();
        expected.put("s", START.getEpochSecond() + 99); // no "f": the window no longer reaches the start
        com.fasterxml.jackson.databind.node.ArrayNode ids = expected.putArray("r");
        for (int i = 89; i < 100; i++) {
            ids.addArray().add(id.apply(i)).add(START.getEpochSecond() + i);
        }
        assertEquals(json.readTree(expected.toString()), json.readTree(cursor.format()), "numbers compared as parsed");
        assertEquals(
                cursor.format(), ActivityCursor.parse("k", cursor.format(), 10).format());
    }

    @Test
    void aStoredValueThatIsNotACursorNamesItsKey() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ActivityCursor.parse("tiledb:activity:acme:*|tiledb://acme/sales", "1700000000|a@1,b", 60));
        assertTrue(e.getMessage().contains("'tiledb:activity:acme:*|tiledb://acme/sales'"), e.getMessage());
    }

    @Test
    void aCursorRememberingManyIdsAsksToBeSavedInProportionNotEveryEvent() {
        ActivityCursor cursor = ActivityCursor.startingAt(START, 3600);
        int saves = 0;
        for (int i = 0; i < 20_000; i++) {
            cursor.advance(event("e" + i, START.plusMillis(i)));
            if (cursor.shouldSave()) {
                cursor.saved();
                saves++;
            }
        }
        // saved after each of the first events, then after every sixteenth of what it remembers: about 16 ln(n/16)
        assertTrue(saves >= 16 && saves < 200, "saves: " + saves);
    }

    @Test
    void aStreamFromTheBeginningAsksFromTheWindowStart() {
        Instant windowStart = START.minusSeconds(7 * 24 * 3600);
        ActivityCursor cursor = ActivityCursor.fromBeginning(windowStart, 60);
        assertEquals(windowStart.getEpochSecond(), cursor.queryFrom());
        assertTrue(cursor.isDue(event("old", windowStart.plusSeconds(1))));
    }
}
