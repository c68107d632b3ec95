package dev.cameltiledb.camel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A configuration's copy holds copies of its option groups: what one endpoint or message changes stays its own. */
class OptionGroupTest {

    @Test
    void aCopyChangesNeitherTheOriginalNorItsGroups() {
        DemoConfiguration original = new DemoConfiguration();
        original.name = "first";
        original.paging.size = 10;
        original.connection.host = "a.example.com";

        DemoConfiguration copy = original.copy();
        copy.name = "second";
        copy.paging.size = 20;
        copy.connection.host = "b.example.com";

        assertNotSame(original.paging, copy.paging);
        assertNotSame(original.connection, copy.connection);
        assertEquals("first", original.name);
        assertEquals(10, original.paging.size);
        assertEquals("a.example.com", original.connection.host);
        assertEquals(20, copy.paging.size);
    }

    @Test
    void aGroupLeftOutStaysLeftOut() {
        DemoConfiguration original = new DemoConfiguration();
        original.paging = null;
        assertNull(original.copy().paging);
    }
}
