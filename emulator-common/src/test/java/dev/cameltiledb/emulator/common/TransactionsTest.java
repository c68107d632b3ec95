package dev.cameltiledb.emulator.common;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionsTest {

    /** Writes down what the transactions tell it. */
    private static final class Log implements Transactions.Journal {
        final List<String> events = new ArrayList<>();

        @Override
        public void begin() {
            events.add("begin");
        }

        @Override
        public void commit() {
            events.add("commit");
        }
    }

    @Test
    void aWriteCommitsBeforeItReturnsAndAReadNeverBegins() {
        Log log = new Log();
        Transactions tx = new Transactions(log);
        String result = tx.write(() -> {
            log.events.add("action");
            return "done";
        });
        assertEquals("done", result);
        tx.read(() -> log.events.add("read"));
        assertEquals(List.of("begin", "action", "commit", "read"), log.events);
        assertEquals(1, tx.writes());
    }

    @Test
    void aFailedWriteStillSavesWhatItTouchedAndTheFailureGoesOn() {
        Log log = new Log();
        Transactions tx = new Transactions(log);
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> tx.write(() -> {
                    throw new IllegalStateException("refused");
                }));
        assertEquals("refused", thrown.getMessage());
        assertEquals(List.of("begin", "commit"), log.events);
    }

    @Test
    void aWriteInsideAWriteIsPartOfItAndAWriteInsideAReadIsRefused() {
        Log log = new Log();
        Transactions tx = new Transactions(log);
        tx.write(() -> tx.write(() -> log.events.add("inner")));
        assertEquals(List.of("begin", "inner", "commit"), log.events);
        assertThrows(IllegalStateException.class, () -> tx.read(() -> tx.write(() -> "no")));
    }

    @Test
    void aChangeOutsideAWriteIsRefused() {
        Transactions tx = new Transactions(Transactions.IN_MEMORY);
        assertThrows(IllegalStateException.class, () -> tx.requireWriting("a change"));
        assertThrows(
                IllegalStateException.class,
                () -> tx.read(() -> {
                    tx.requireWriting("a change in a read");
                    return null;
                }));
        assertFalse(tx.inWrite());
        assertTrue(tx.write(() -> {
            tx.requireWriting("a change in a write");
            return tx.inWrite();
        }));
    }
}
