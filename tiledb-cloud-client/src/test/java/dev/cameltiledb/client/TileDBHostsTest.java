package dev.cameltiledb.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TileDBHostsTest {

    @Test
    void hostsAreNormalised() {
        assertEquals(TileDBHosts.DEFAULT, TileDBHosts.normalize(null));
        assertEquals(TileDBHosts.DEFAULT, TileDBHosts.normalize("  "));
        assertEquals("https://api.tiledb.com", TileDBHosts.normalize("api.tiledb.com"));
        assertEquals("https://api.tiledb.com", TileDBHosts.normalize("https://api.tiledb.com/v1/"));
        assertEquals("http://127.0.0.1:8181", TileDBHosts.normalize("http://127.0.0.1:8181/"));
        assertEquals(
                "HTTPS://eu-west-1.aws.api.tiledb.com", TileDBHosts.normalize("HTTPS://eu-west-1.aws.api.tiledb.com"));
    }
}
