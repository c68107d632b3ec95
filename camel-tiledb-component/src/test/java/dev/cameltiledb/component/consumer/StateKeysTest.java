package dev.cameltiledb.component.consumer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cursor's state key: short ones as they are, long ones fitted, each to a key of its own. */
class StateKeysTest {

    private static final String SNOWMEN = "\u2603".repeat(120);

    @Test
    void shortKeysStayAsTheyAreAndLongOnesFitAndDiffer() {
        String ordinary = "tiledb:activity:acme:*|tiledb://acme/sales";
        assertEquals(ordinary, StateKeys.fit(ordinary));
        String a = StateKeys.fit("k|" + StateKeys.encode(SNOWMEN));
        String b = StateKeys.fit("k|" + StateKeys.encode(SNOWMEN + "!"));
        assertEquals(StateKeys.MAX_KEY, a.length());
        assertNotEquals(a, b);
        assertEquals(a, StateKeys.fit("k|" + StateKeys.encode(SNOWMEN)));
        assertTrue(a.startsWith("k|%E2%98%83"), a);
    }
}
