package dev.cameltiledb.emulator.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FaultPlanTest {

    @Test
    void faultsAreUsedUpInOrderForTheirMethodAndPathOnly() {
        FaultPlan plan = new FaultPlan();
        FaultPlan.Fault first = call -> Answer.empty(503);
        FaultPlan.Fault second = call -> Answer.empty(500);
        plan.add("GET", "/a/", 2, first);
        plan.add(null, null, 1, second);
        assertEquals(second, plan.take("POST", "/a/x"), "another method: the catch-all");
        assertNull(plan.take("POST", "/a/x"), "the catch-all is used up");
        assertEquals(first, plan.take("GET", "/a/x"));
        assertNull(plan.take("GET", "/b"), "another path");
        assertEquals(first, plan.take("get", "/a/y"));
        assertNull(plan.take("GET", "/a/z"), "used twice");
    }

    @Test
    void clearDropsWhatIsLeft() {
        FaultPlan plan = new FaultPlan();
        plan.add(null, "/", 5, call -> Answer.empty(503));
        plan.clear();
        assertNull(plan.take("GET", "/x"));
    }
}
